package dev.silica.examples.cli;

import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.SimEngine;
import dev.silica.testbench.cosim.Cosim;
import dev.silica.testbench.fuzz.FuzzResult;
import dev.silica.testbench.fuzz.Fuzzer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silica fuzz}: random designs co-simulated on Silica's simulator and Verilator or Icarus;
 * each new kind of disagreement is shrunk to a small {@code .sir} reproducer. Exit 1 when any
 * design disagreed.
 */
@Command(
    name = "fuzz",
    description = "Differential fuzzing: random designs on Silica's simulator and Verilator or Icarus; disagreements shrunk to .sir files.")
final class FuzzCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--seeds", required = true, paramLabel = "N", description = "How many random designs to try.")
  int seeds;

  @Option(names = "--first-seed", paramLabel = "S", description = "Seed of the first design (default: ${DEFAULT-VALUE}).")
  long firstSeed = 0;

  @Option(names = "--with", paramLabel = "verilator|icarus", description = "The tool to compare with (default: ${DEFAULT-VALUE}).")
  String with = "verilator";

  @Option(names = "--cycles", paramLabel = "N", description = "Cycles of random stimulus per design (default: ${DEFAULT-VALUE}).")
  int cycles = Fuzzer.Options.defaults().cycles();

  @Option(names = "--out", paramLabel = "DIR", description = "Where shrunk reproducers are written (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("fuzz-regressions");

  @Option(
      names = "--shrink-budget",
      paramLabel = "N",
      description = "At most this many co-simulations to shrink one disagreement (default: ${DEFAULT-VALUE}).")
  int shrinkBudget = Fuzzer.Options.defaults().shrinkTests();

  private final Function<Design, SimEngine> reference;

  FuzzCommand() {
    this(Cosim.SILICA);
  }

  /** A command comparing the tool with {@code reference} instead of Silica's simulator (for tests). */
  FuzzCommand(Function<Design, SimEngine> reference) {
    this.reference = reference;
  }

  @Override
  public Integer call() {
    OptionChecks.positive("--seeds", seeds);
    OptionChecks.positive("--cycles", cycles);
    OptionChecks.notNegative("--shrink-budget", shrinkBudget);
    Engine tool = ToolChoice.installed(with);
    Fuzzer.Options options = Fuzzer.Options.defaults().withFirstSeed(firstSeed).withCycles(cycles)
        .withRegressionDir(out).withShrinkTests(shrinkBudget).withReference(reference);
    PrintWriter log = spec.commandLine().getOut();
    FuzzResult result = Fuzzer.run(seeds, tool, log, options);
    log.println(result.summary());
    log.flush();
    return result.allAgreed() ? 0 : 1;
  }
}
