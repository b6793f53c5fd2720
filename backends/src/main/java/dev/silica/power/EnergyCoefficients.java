package dev.silica.power;

/**
 * The energy of each kind of event on the FPGA, in joules, and its static power, in watts: the one
 * place every coefficient of {@link EnergyEstimate} comes from.
 *
 * <p>Switching energy is {@code C V^2 / 2} per transition of a node of capacitance {@code C}
 * (charging draws {@code C V^2} from the supply every other transition) at the core supply {@code
 * V}. AMD documents no per-event energies for the 7 series: its power estimator (XPE, UG440) and
 * Vivado's {@code report_power} (UG907) hold them in their device models. So,
 * apart from the supply voltage, each value of {@link #XC7S15} is an <b>assumption</b>, an order of
 * magnitude for 28 nm programmable logic chosen before and independently of any published result
 * of the accelerators this project compares with; the javadoc of each field says how it was
 * chosen. With Vivado at hand, the SAIF file ({@link SaifWriter}) gives its own figure, which is
 * the one to trust; see the README's energy section.
 *
 * @param lutToggle a transition of a LUT's output and its routed net
 * @param carryBitToggle a transition of one of a CARRY4's four outputs (a short dedicated wire)
 * @param flipFlopToggle a transition of a flip-flop's output and its routed net
 * @param clockPerFlipFlop one clock cycle (two transitions) at one flip-flop's clock pin and its
 *     share of the leaf clock wiring
 * @param clockTreePerCycle one clock cycle of the global clock buffer and spine
 * @param blockRamAccess one enabled clock edge of a block RAM port, apart from its data bits
 * @param blockRamAccessPerBit each data bit of an enabled block RAM port's width
 * @param dspOperation one DSP48E1 multiplication: a cycle in which its product changes
 * @param staticWatts the device's static (leakage) power
 */
public record EnergyCoefficients(
    double lutToggle,
    double carryBitToggle,
    double flipFlopToggle,
    double clockPerFlipFlop,
    double clockTreePerCycle,
    double blockRamAccess,
    double blockRamAccessPerBit,
    double dspOperation,
    double staticWatts) {

  /**
   * VCCINT, the core supply of Spartan-7 -1 and -2 devices: 1.0 V (DS189, Spartan-7 data sheet,
   * "Recommended Operating Conditions"). Block RAM runs from VCCBRAM, also 1.0 V.
   */
  public static final double CORE_VOLTS = 1.0;

  /** One picojoule. */
  private static final double PJ = 1e-12;

  /**
   * The coefficients used for the XC7S15 at VCCINT = 1.0 V, typical process, 25 °C. Assumed
   * values (see the class comment), each from a switched capacitance:
   *
   * <ul>
   *   <li>LUT and flip-flop output transitions: 0.2 pF switched (the driver and an average routed
   *       net of a few programmable-interconnect segments with fanout 3 to 4), 0.1 pJ;
   *   <li>a CARRY4 output: 0.04 pF of dedicated carry wiring, 0.02 pJ;
   *   <li>clock: 15 fF per flip-flop (clock pin and leaf wiring), charged once per cycle, 0.015 pJ;
   *       5 pF for the global buffer and spine of the clock regions used, 5 pJ per cycle;
   *   <li>block RAM: an enabled port edge 5 pJ (word-line decoding, sense amplifiers, output
   *       latch), plus 0.3 pJ per data bit of its width;
   *   <li>DSP48E1: 8 pJ per multiplication with typically toggling operands (a 25x18 multiplier
   *       array, its pipeline registers and the post-adder);
   *   <li>static power: 30 mW, an assumed order of magnitude for a small 28 nm 7-series die at
   *       25 °C junction, not taken from XPE or a data sheet; override it with XPE's or {@code
   *       report_power}'s figure for the conditions at hand.
   * </ul>
   */
  public static final EnergyCoefficients XC7S15 = new EnergyCoefficients(
      switching(0.2e-12),
      switching(0.04e-12),
      switching(0.2e-12),
      2 * switching(0.015e-12),
      2 * switching(5e-12),
      5 * PJ,
      0.3 * PJ,
      8 * PJ,
      0.030);

  /** These coefficients with another static power. */
  public EnergyCoefficients withStaticWatts(double watts) {
    return new EnergyCoefficients(lutToggle, carryBitToggle, flipFlopToggle, clockPerFlipFlop, clockTreePerCycle,
        blockRamAccess, blockRamAccessPerBit, dspOperation, watts);
  }

  /** The energy of one transition of {@code farads} at the core supply: {@code C V^2 / 2}. */
  static double switching(double farads) {
    return farads * CORE_VOLTS * CORE_VOLTS / 2;
  }
}
