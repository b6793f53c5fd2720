package dev.silica.verilog;

import com.google.common.base.Preconditions;

/**
 * How a {@link VerilogProject} is made: whether the design is optimized before it is emitted, and
 * what the flow scripts beside the Verilog target (the clock constraint on {@code clk} and the
 * FPGA part for Vivado).
 *
 * @param clockMhz the frequency the {@code .xdc} constrains {@code clk} to
 * @param part the Vivado part name
 * @param optimize whether {@link dev.silica.ir.pass.Passes#optimize()} runs after the checks (on
 *     by default; off keeps every node of the design in the Verilog, for debugging)
 */
public record ProjectOptions(double clockMhz, String part, boolean optimize) {

  /** The board this project targets: a Spartan-7 XC7S15 in the FTGB196 package, speed grade -1. */
  public static final String DEFAULT_PART = "xc7s15ftgb196-1";

  public static final double DEFAULT_CLOCK_MHZ = 100.0;

  public ProjectOptions {
    Preconditions.checkArgument(clockMhz > 0 && clockMhz <= 1000, "clock of %s MHz is outside (0, 1000]", clockMhz);
    Preconditions.checkArgument(part.matches("[A-Za-z0-9-]+"), "part name '%s' is not a Vivado part", part);
  }

  /** Optimized, at 100 MHz on the XC7S15. */
  public static ProjectOptions defaults() {
    return new ProjectOptions(DEFAULT_CLOCK_MHZ, DEFAULT_PART, true);
  }

  public ProjectOptions withClockMhz(double mhz) {
    return new ProjectOptions(mhz, part, optimize);
  }

  /** These options with the design emitted as elaborated (checked, not optimized). */
  public ProjectOptions withoutOptimization() {
    return new ProjectOptions(clockMhz, part, false);
  }
}
