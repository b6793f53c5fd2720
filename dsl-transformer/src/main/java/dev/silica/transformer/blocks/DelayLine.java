package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.regNext;

import com.google.common.base.Preconditions;
import dev.silica.dsl.Signal;

/** A value delayed by a chain of registers: the skews of a systolic array, the pipeline's side signals. */
public final class DelayLine {

  private DelayLine() {}

  /**
   * {@code value} delayed by {@code cycles} registers named {@code name_1} ... {@code name_<cycles>}
   * (reset to 0); {@code value} itself for 0 cycles.
   */
  public static <T extends Signal> T delay(String name, T value, int cycles) {
    Preconditions.checkArgument(cycles >= 0, "a delay of %s cycles", cycles);
    T delayed = value;
    for (int d = 1; d <= cycles; d++) {
      delayed = regNext(name + "_" + d, delayed);
    }
    return delayed;
  }
}
