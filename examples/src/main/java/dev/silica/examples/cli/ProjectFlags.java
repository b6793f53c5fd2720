package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;
import dev.silica.verilog.ProjectOptions;
import picocli.CommandLine.Option;

/**
 * The options shared by the commands that write a Vivado/Yosys project: clock, part, and whether
 * the design is optimized first.
 */
final class ProjectFlags {

  @Option(
      names = "--clock-mhz",
      paramLabel = "MHZ",
      description = "Clock constraint on clk in MHz (default: ${DEFAULT-VALUE}).")
  double clockMhz = ProjectOptions.DEFAULT_CLOCK_MHZ;

  @Option(names = "--part", paramLabel = "PART", description = "The FPGA part (default: ${DEFAULT-VALUE}; the only one supported).")
  String part = ProjectOptions.DEFAULT_PART;

  @Option(names = "--no-optimize",
      description = "Emit the design as elaborated: checked but not optimized (every node kept, for debugging).")
  boolean noOptimize;

  ProjectOptions options() {
    checkPart(part);
    if (!(clockMhz > 0)) {
      throw new ParameterError("--clock-mhz must be positive, got " + clockMhz);
    }
    ProjectOptions options = ProjectOptions.defaults().withClockMhz(clockMhz);
    return noOptimize ? options.withoutOptimization() : options;
  }

  /** Refuses every part but the one Silica targets. */
  static void checkPart(String part) {
    if (!part.equals(ProjectOptions.DEFAULT_PART)) {
      throw new ParameterError("unsupported part '" + part + "'; valid parts: " + ProjectOptions.DEFAULT_PART);
    }
  }
}
