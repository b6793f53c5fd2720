package dev.silica.examples.cli;

import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.SimEngine;
import dev.silica.testbench.cosim.Cosim;
import dev.silica.testbench.cosim.CosimResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica cosim}: the same random stimulus on Silica's simulator and on Verilator or Icarus;
 * exit 0 when every output agrees in every cycle, else the first disagreement and exit 1.
 */
@Command(
    name = "cosim",
    description = "Co-simulate a design on Silica's simulator and on Verilator or Icarus; report the first disagreement.")
final class CosimCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DesignOptions design;

  @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the random inputs.")
  long seed;

  @Option(names = "--cycles", required = true, paramLabel = "N", description = "Number of cycles to run.")
  int cycles;

  @Option(names = "--with", required = true, paramLabel = "verilator|icarus", description = "The tool to compare with.")
  String with;

  private final Function<Design, SimEngine> reference;

  CosimCommand() {
    this(Cosim.SILICA);
  }

  /** A command comparing the tool with {@code reference} instead of Silica's simulator (for tests). */
  CosimCommand(Function<Design, SimEngine> reference) {
    this.reference = reference;
  }

  @Override
  public Integer call() {
    OptionChecks.positive("--cycles", cycles);
    Engine tool = ToolChoice.installed(with);
    CosimResult result = Cosim.run(design.load(), seed, cycles, tool, reference);
    if (result.error().isPresent()) {
      throw new UserError(result.summary());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(result.summary());
    out.flush();
    return result.agreed() ? 0 : 1;
  }
}
