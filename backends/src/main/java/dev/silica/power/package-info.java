/**
 * Switching activity and energy: an {@link dev.silica.power.ActivityRecorder} counts, bit by bit,
 * how often every signal of a running {@link dev.silica.sim.Simulator} toggles and how often each
 * memory port is used; a {@link dev.silica.power.SaifWriter} hands those counts to Vivado's power
 * analysis in SAIF under the emitted Verilog's net names; an {@link dev.silica.power.EnergyEstimate}
 * turns them, with the resources the estimator maps each element to and the coefficients of
 * {@link dev.silica.power.EnergyCoefficients}, into joules on the XC7S15.
 */
package dev.silica.power;
