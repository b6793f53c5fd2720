package dev.silica.synth;

import java.util.Locale;

/**
 * The longest combinational path between registers, in cells (LUT, CARRY4 and MUXF stages), and
 * the clock frequency a simple delay model gives for it.
 *
 * <p>The model: {@value #OVERHEAD_NS} ns per path for the launching flip-flop's clock-to-out, the
 * capturing one's setup and clock uncertainty, plus {@value #PER_LEVEL_NS} ns per stage for the
 * cell and its net on a -1 speed grade Spartan-7. It is a first-order guess meant for comparing
 * designs; Vivado's timing report after routing is the real figure.
 */
public record LogicDepth(int levels) {

  public static final double OVERHEAD_NS = 1.2;
  public static final double PER_LEVEL_NS = 0.9;

  /** The model's delay of the path. */
  public double delayNs() {
    return OVERHEAD_NS + PER_LEVEL_NS * levels;
  }

  public double fmaxMhz() {
    return 1000.0 / delayNs();
  }

  /** The model in one sentence, for reports. */
  public static String model() {
    return String.format(
        Locale.ROOT,
        "Fmax = 1000 / (%.1f ns + %.1f ns x levels): flip-flop overhead plus one LUT/CARRY4/MUXF stage with its net"
            + " per level (-1 speed grade, a first-order guess; Vivado's routed timing is the real figure)",
        OVERHEAD_NS,
        PER_LEVEL_NS);
  }
}
