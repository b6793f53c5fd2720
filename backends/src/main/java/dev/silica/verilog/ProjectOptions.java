package dev.silica.verilog;

import com.google.common.base.Preconditions;

/**
 * What the flow scripts beside the Verilog target: the clock constraint on {@code clk} and the
 * FPGA part for Vivado.
 *
 * @param clockMhz the frequency the {@code .xdc} constrains {@code clk} to
 * @param part the Vivado part name
 */
public record ProjectOptions(double clockMhz, String part) {

  /** The board this project targets: a Spartan-7 XC7S15 in the FTGB196 package, speed grade -1. */
  public static final String DEFAULT_PART = "xc7s15ftgb196-1";

  public static final double DEFAULT_CLOCK_MHZ = 100.0;

  public ProjectOptions {
    Preconditions.checkArgument(clockMhz > 0 && clockMhz <= 1000, "clock of %s MHz is outside (0, 1000]", clockMhz);
    Preconditions.checkArgument(part.matches("[A-Za-z0-9-]+"), "part name '%s' is not a Vivado part", part);
  }

  /** 100 MHz on the XC7S15. */
  public static ProjectOptions defaults() {
    return new ProjectOptions(DEFAULT_CLOCK_MHZ, DEFAULT_PART);
  }

  public ProjectOptions withClockMhz(double mhz) {
    return new ProjectOptions(mhz, part);
  }
}
