package dev.silica.examples.cli;

import dev.silica.testbench.SimulationRun;
import dev.silica.testbench.Trace;
import dev.silica.testbench.TraceFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica sim}: runs a design on Silica's simulator under the trace contract, from a stimulus
 * CSV or random inputs, writing the output trace (to stdout when no file is given) and a VCD.
 */
@Command(
    name = "sim",
    description = "Simulate a design cycle by cycle from a stimulus CSV or random inputs; write the output trace and a VCD.")
final class SimCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin DesignOptions design;

  @ArgGroup(exclusive = true, multiplicity = "1")
  StimulusOptions stimulus;

  @Option(names = "--trace", paramLabel = "OUT.csv", description = "Write the output trace here (default: stdout).")
  Path trace;

  @Option(names = "--vcd", paramLabel = "OUT.vcd", description = "Dump every signal of every cycle as a VCD.")
  Path vcd;

  @Override
  public void run() {
    SimulationRun run = new SimulationRun(design.load(), stimulus.input(), Optional.ofNullable(trace), Optional.ofNullable(vcd));
    PrintWriter out = spec.commandLine().getOut();
    try {
      Trace outputs = run.run();
      if (trace == null) {
        outputs.write(out);
      } else {
        out.printf("simulated %d cycles; outputs in %s%n", outputs.cycles(), trace);
      }
    } catch (TraceFormatException e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError("simulation I/O failed: " + e.getMessage());
    }
    out.flush();
  }

  /** The inputs: a stimulus file, or a seed and a number of cycles of random values. */
  static final class StimulusOptions {
    @Option(names = "--stimulus", required = true, paramLabel = "IN.csv", description = "Input values, one row per cycle.")
    Path file;

    @ArgGroup(exclusive = false)
    RandomOptions random;

    SimulationRun.Input input() {
      if (file != null) {
        return new SimulationRun.FromFile(file);
      }
      OptionChecks.positive("--cycles", random.cycles);
      return new SimulationRun.Random(random.seed, random.cycles);
    }
  }

  /** Uniform random inputs, with rst high in cycle 0. */
  static final class RandomOptions {
    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the random inputs.")
    long seed;

    @Option(names = "--cycles", required = true, paramLabel = "N", description = "Number of cycles to run.")
    int cycles;
  }
}
