package dev.silica.tools;

import com.google.common.base.Splitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An external EDA program (Verilator, Icarus Verilog, Yosys) found on the {@code PATH} and run to
 * completion with its output captured. Tests that need a tool skip when it is missing unless the
 * system property {@value #REQUIRE_TOOLS_PROPERTY} is {@code true}, in which case they fail.
 */
public final class ExternalTool {

  /** The system property that turns a missing tool from a skipped test into a failure. */
  public static final String REQUIRE_TOOLS_PROPERTY = "silica.requireTools";

  /** What a finished run printed (standard output and error, interleaved) and its exit code. */
  public record Result(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  private final Path executable;

  private ExternalTool(Path executable) {
    this.executable = executable;
  }

  /** The program {@code name} from the {@code PATH}, if it is installed. */
  public static Optional<ExternalTool> find(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Splitter.on(java.io.File.pathSeparatorChar).omitEmptyStrings().splitToStream(path)
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(ExternalTool::new);
  }

  /** Whether missing tools must fail tests ({@code -Dsilica.requireTools=true}). */
  public static boolean toolsRequired() {
    return Boolean.getBoolean(REQUIRE_TOOLS_PROPERTY);
  }

  public Path executable() {
    return executable;
  }

  /**
   * Runs the tool with {@code arguments} in {@code directory} and waits for it.
   *
   * @throws IOException when it cannot start or does not finish within {@code timeout} (it is then killed)
   */
  public Result run(Path directory, Duration timeout, List<String> arguments) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(executable.getFileName() + " did not finish within " + timeout.toSeconds() + " s");
      }
      return new Result(process.exitValue(), output.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + executable.getFileName(), e);
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
