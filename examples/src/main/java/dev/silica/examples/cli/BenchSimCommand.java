package dev.silica.examples.cli;

import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.SimEngine;
import dev.silica.testbench.bench.BenchReport;
import dev.silica.testbench.bench.SimBench;
import dev.silica.testbench.cosim.Cosim;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica bench-sim}: times a design on Silica's simulator, Verilator and Icarus under the
 * same random stimulus, checks that they agree, and prints the table and, last, the speed ratios.
 */
@Command(
    name = "bench-sim",
    description = "Benchmark Silica's simulator against Verilator and Icarus on the same random stimulus; last line: the speed ratios.")
final class BenchSimCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DesignOptions design;

  @Option(names = "--cycles", required = true, paramLabel = "N", description = "Number of cycles to run.")
  long cycles;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the random inputs (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--with", paramLabel = "TOOL", split = ",",
      description = "The tools to compare with, verilator and/or icarus (default: both).")
  List<String> with = List.of("verilator", "icarus");

  private final Function<Design, SimEngine> reference;

  BenchSimCommand() {
    this(Cosim.SILICA);
  }

  /** A command timing {@code reference} instead of Silica's simulator (for tests). */
  BenchSimCommand(Function<Design, SimEngine> reference) {
    this.reference = reference;
  }

  @Override
  public Integer call() {
    OptionChecks.positive("--cycles", cycles);
    List<Engine> tools = with.stream().map(ToolChoice::installed).distinct().sorted().toList();
    BenchReport report = SimBench.run(design.load(), seed, cycles, reference, tools);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.table());
    report.disagreements().forEach(out::println);
    if (report.agreed()) {
      out.println(report.speedLine());
    }
    out.flush();
    return report.agreed() ? 0 : 1;
  }
}
