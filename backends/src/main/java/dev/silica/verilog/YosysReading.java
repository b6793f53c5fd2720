package dev.silica.verilog;

/**
 * How Yosys reads the emitted Verilog, shared by the {@code synth.ys} written beside it and the
 * resource report's own Yosys run.
 *
 * <p>The memories carry Vivado's style attributes (UG901). Yosys reads them too, with one
 * difference: it takes {@code rom_style = "distributed"} to mean LUT RAM, and the 7-series LUT RAM
 * library of Yosys 0.23 has no mapping for a memory without a write port, so synthesis stops with
 * "no valid mapping found". What Vivado builds for a distributed ROM is plain LUT logic, which is
 * Yosys's {@code logic} style; the read step renames the attribute value accordingly, so both tools
 * build the same thing from the same Verilog.
 */
public final class YosysReading {

  private YosysReading() {}

  /** The script lines reading {@code sources}, each ending in a newline. */
  public static String commands(VerilogSources sources) {
    return "read_verilog " + String.join(" ", sources.verilogFiles()) + "\n"
        + "# Vivado's distributed ROM is LUT logic, which Yosys calls the logic style.\n"
        + "setattr -set rom_style \"logic\" a:rom_style=distributed\n";
  }
}
