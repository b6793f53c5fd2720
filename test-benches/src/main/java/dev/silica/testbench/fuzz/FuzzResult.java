package dev.silica.testbench.fuzz;

import com.google.common.collect.ImmutableList;
import dev.silica.testbench.Engine;
import java.time.Duration;

/**
 * What a fuzzing run found: how many random designs and cycles agreed between Silica's simulator and
 * {@code tool}, and every failure with its reproducer.
 */
public record FuzzResult(
    Engine tool, int designs, int agreedDesigns, long agreedCycles, ImmutableList<FuzzFailure> failures, Duration elapsed) {

  public boolean allAgreed() {
    return failures.isEmpty();
  }

  /** The closing line of a run: {@code fuzz: 500 designs, 500 agreed (32000 cycles), 0 failed with verilator in 312 s}. */
  public String summary() {
    return "fuzz: " + designs + " designs, " + agreedDesigns + " agreed (" + agreedCycles + " cycles), " + failures.size()
        + " failed with " + tool.name().toLowerCase(java.util.Locale.ROOT) + " in " + elapsed.toSeconds() + " s";
  }
}
