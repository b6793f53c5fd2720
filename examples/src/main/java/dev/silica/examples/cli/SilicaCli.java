package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;
import dev.silica.ir.DesignError;
import dev.silica.testbench.cosim.ToolFailure;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code silica} command line: elaborate registered generators, print their IR, run the
 * backends, and compare Silica's simulator with Verilator and Icarus; {@code --classpath} adds the
 * user's own generators ({@link UserClasspath}). Exit codes: 0 success, 1 a
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
      EvaluateCommand.class, ForecastCommand.class, ExploreCommand.class, EnergyCommand.class
    })
public final class SilicaCli {

  @Option(names = {"-cp", "--classpath"}, paramLabel = "DIR|JAR[" + "${sys:path.separator}...]",
      description = "Directories and jars with your own generators, registered in"
          + " META-INF/services/dev.silica.dsl.Generator.")
  String classpath;

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
    SilicaCli cli = new SilicaCli();
    CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
    return new CommandLine(cli, factory)
        .setExecutionExceptionHandler(SilicaCli::report)
        .setExecutionStrategy(parsed -> {
          try {
            return UserClasspath.runWith(cli.classpath, () -> runLast.execute(parsed));
          } catch (ParameterError e) {
            // a bad --classpath, found before any command runs: reported like the commands' errors
            throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
          }
        });
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
