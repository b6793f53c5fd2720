package dev.silica.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line in-process, with what it printed and its exit code. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    return with(CommandLine.defaultFactory(), args);
  }

  /** A run whose commands {@code factory} makes (a test's seam for injecting faults). */
  static CliRun with(CommandLine.IFactory factory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        SilicaCli.commandLine(factory)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
