/**
 * External EDA programs (Verilator, Icarus Verilog, Yosys) found on the {@code PATH} and run with
 * their output captured: shared by the Verilog checks, the synthesis report and co-simulation.
 */
package dev.silica.tools;
