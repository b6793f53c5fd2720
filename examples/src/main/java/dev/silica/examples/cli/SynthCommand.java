package dev.silica.examples.cli;

import dev.silica.verilog.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code silica synth}: the resource table against the XC7S15, from Yosys and from the estimator. */
@Command(
    name = "synth",
    description = "Resource table against the XC7S15: Yosys synth_xilinx beside Silica's estimate.")
final class SynthCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin DesignOptions design;

  @Option(names = "--part", paramLabel = "PART", description = "The FPGA part (default: ${DEFAULT-VALUE}; the only one supported).")
  String part = ProjectOptions.DEFAULT_PART;

  @Override
  public void run() {
    ProjectFlags.checkPart(part);
    spec.commandLine().getOut().print(ResourceTables.report(design.load()));
    spec.commandLine().getOut().flush();
  }
}
