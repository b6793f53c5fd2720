package dev.silica.transformer.accel;

import dev.silica.transformer.golden.IntFormat;
import java.util.Arrays;

/** The widths hardware needs for sets of constants. */
final class Widths {

  private Widths() {}

  /** Bits of an unsigned value up to {@code max} (at least 1). */
  static int unsigned(long max) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
  }

  /** Bits of an index into {@code count} entries (at least 1). */
  static int index(int count) {
    return unsigned(Math.max(count - 1, 0));
  }

  /** The signed width holding every value and 0. */
  static int signed(long... values) {
    long min = Arrays.stream(values).min().orElse(0);
    long max = Arrays.stream(values).max().orElse(0);
    return IntFormat.signedFor(Math.min(min, 0), Math.max(max, 0)).bits();
  }
}
