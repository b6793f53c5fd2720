package dev.silica.testbench.cosim;

import dev.silica.testbench.Engine;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of co-simulating one design: agreement over {@code cycles} cycles, the first
 * {@link Mismatch}, or an error (a tool rejected the design, a simulator crashed), with what each
 * part cost. Build time is the external tool's (zero-ish when an earlier build was reused).
 */
public record CosimResult(
    String design,
    Engine tool,
    int cycles,
    Optional<Mismatch> mismatch,
    Optional<String> error,
    Duration silicaTime,
    Duration toolBuildTime,
    Duration toolRunTime) {

  /** Whether every output agreed in every cycle. */
  public boolean agreed() {
    return mismatch.isEmpty() && error.isEmpty();
  }

  /** One line for logs and the command line. */
  public String summary() {
    String tool = this.tool.name().toLowerCase(Locale.ROOT);
    if (error.isPresent()) {
      return design + ": error with " + tool + ": " + error.get();
    }
    if (mismatch.isPresent()) {
      Mismatch m = mismatch.get();
      return design + ": disagrees with " + tool + " in cycle " + m.cycle() + " on " + m.signal() + ": silica="
          + m.silicaValue() + " " + tool + "=" + m.toolValue();
    }
    return design + ": " + cycles + " cycles agree with " + tool;
  }
}
