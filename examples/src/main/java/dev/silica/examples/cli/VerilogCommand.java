package dev.silica.examples.cli;

import dev.silica.verilog.VerilogProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica verilog}: the design's Verilog with memory init files, the clock constraint and
 * the Yosys and Vivado scripts, written atomically into one directory by {@link VerilogProject}
 * (checked and optimized as the Java API does).
 */
@Command(
    name = "verilog",
    description = "Write a design's Verilog, memory files, .xdc and Yosys/Vivado scripts to a directory.")
final class VerilogCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin DesignOptions design;

  @Mixin ProjectFlags project;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The output directory.")
  Path output;

  @Override
  public void run() {
    Set<String> files = write(VerilogProject.of(design.load(), project.options()), output);
    spec.commandLine().getOut().printf("wrote %d files to %s%n", files.size(), output);
    spec.commandLine().getOut().flush();
  }

  /** Writes the project, turning an I/O failure into a one-line error. */
  static Set<String> write(VerilogProject project, Path output) {
    try {
      return project.writeTo(output);
    } catch (IOException e) {
      throw new UserError("cannot write " + output + ": " + e.getMessage());
    }
  }
}
