package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;
import dev.silica.ir.DesignError;
import dev.silica.testbench.cosim.ToolFailure;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code silica} command line: elaborate registered generators, print their IR, run the
 * backends, and compare Silica's simulator with Verilator and Icarus. Exit codes: 0 success, 1 a
 * design, run or external tool failed or simulators disagreed, 2 bad usage (unknown generator,
 * parameter or value, a number out of range).
 */
@Command(
    name = "silica",
    mixinStandardHelpOptions = true,
    version = "silica 0.1.0",
    description = "Silica: hardware construction in Java, with a Verilog backend and a simulator.",
    subcommands = {
      ListCommand.class, IrCommand.class, VerilogCommand.class, SynthCommand.class, BuildCommand.class,
      SimCommand.class, CosimCommand.class, FuzzCommand.class, BenchSimCommand.class, TrainCommand.class,
      EvaluateCommand.class, ForecastCommand.class, EnergyCommand.class
    })
public final class SilicaCli {

  /** Exit code for bad usage: an unknown generator, parameter or value. */
  static final int USAGE = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and for tests. */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** The configured command line with its commands made by {@code factory} (tests inject faults this way). */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    return new CommandLine(new SilicaCli(), factory).setExecutionExceptionHandler(SilicaCli::report);
  }

  /** Turns the errors a user can cause into one-line messages instead of stack traces. */
  private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof ParameterError) {
      err.println("silica: " + e.getMessage());
      return USAGE;
    }
    if (e instanceof DesignError || e instanceof UserError || e instanceof ToolFailure) {
      err.println("silica: " + e.getMessage());
      return 1;
    }
    throw new IllegalStateException(e);
  }
}
