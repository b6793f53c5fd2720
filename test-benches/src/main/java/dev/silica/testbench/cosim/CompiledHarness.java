package dev.silica.testbench.cosim;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.silica.testbench.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A harness an external simulator has built: the command that runs it (in its build directory, so
 * memory initialization files are found) and what the build cost. Run it interactively ({@link
 * #start()}) or feed it a whole script at once ({@link #runScript}), which is much faster.
 *
 * @param buildTime the wall time to build, or to find the earlier build when {@code reused}
 */
public record CompiledHarness(
    Engine tool, HarnessLayout layout, Path directory, ImmutableList<String> command, Duration buildTime, boolean reused) {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

  /** A running simulation, driven one command at a time. */
  public HarnessProcess start() {
    return start(List.of());
  }

  /** A running simulation given {@code arguments} (such as {@code +vcd=FILE}), driven one command at a time. */
  public HarnessProcess start(List<String> arguments) {
    List<String> full = new ArrayList<>(command);
    full.addAll(arguments);
    try {
      Process process = new ProcessBuilder(full).directory(directory.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      return new HarnessProcess(this, process);
    } catch (IOException e) {
      throw new ToolFailure("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the protocol commands of {@code script} in a fresh simulation and returns the output
   * lines, each split into its hex values.
   *
   * @throws ToolFailure when the simulator fails, times out or prints fewer lines than {@code expectedLines}
   */
  public ImmutableList<ImmutableList<String>> runScript(String script, int expectedLines) {
    Path in = null;
    Path out = null;
    try {
      in = Files.createTempFile("silica-harness-", ".in");
      out = Files.createTempFile("silica-harness-", ".out");
      Files.writeString(in, script);
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ToolFailure(tool.name().toLowerCase(java.util.Locale.ROOT) + " did not finish within " + RUN_TIMEOUT.toMinutes() + " minutes");
      }
      List<String> lines = Files.readAllLines(out);
      // Icarus announces $finish on stdout; only output lines (the first expectedLines) count.
      if (lines.size() < expectedLines) {
        throw new ToolFailure(tool.name().toLowerCase(java.util.Locale.ROOT) + " printed " + lines.size()
            + " output lines instead of " + expectedLines + " (exit " + process.exitValue() + ") in " + directory
            + (lines.isEmpty() ? "" : "; last: " + lines.get(lines.size() - 1)));
      }
      return lines.subList(0, expectedLines).stream().map(CompiledHarness::values).collect(ImmutableList.toImmutableList());
    } catch (IOException e) {
      throw new ToolFailure("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolFailure("interrupted while running " + command.get(0), e);
    } finally {
      deleteQuietly(in);
      deleteQuietly(out);
    }
  }

  static ImmutableList<String> values(String line) {
    return ImmutableList.copyOf(Splitter.on(' ').omitEmptyStrings().split(line.strip()));
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover temporary file is harmless.
      }
    }
  }
}
