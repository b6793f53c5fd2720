package dev.silica.dsl;

import com.google.common.math.LongMath;
import dev.silica.ir.DesignError;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Elaboration-time arithmetic on widths: base-2 logarithms and the bits needed for a count, a
 * largest value or a signed range. Every generator sizes its counters, addresses and constants with
 * these; an argument out of range is a {@link DesignError} at the user's line.
 */
public final class Widths {

  private Widths() {}

  /** {@code ceil(log2(n))} for {@code n >= 1}: 0 for 1, 2 for 3 and 4, 3 for 5. */
  public static int log2Ceil(long n) {
    return LongMath.log2(positive("log2Ceil", n), RoundingMode.CEILING);
  }

  /** {@code floor(log2(n))} for {@code n >= 1}: 0 for 1, 1 for 3, 2 for 4 and 5. */
  public static int log2Floor(long n) {
    return LongMath.log2(positive("log2Floor", n), RoundingMode.FLOOR);
  }

  /** Whether {@code n} is a power of two (1, 2, 4, ...). */
  public static boolean isPow2(long n) {
    return LongMath.isPowerOfTwo(n);
  }

  /** Bits of an unsigned value from 0 up to {@code max} ({@code max >= 0}), at least 1. */
  public static int unsignedBits(long max) {
    if (max < 0) {
      throw new DesignError(UserCode.location(), "unsignedBits(" + max + "): an unsigned value cannot reach " + max);
    }
    return Math.max(1, Long.SIZE - Long.numberOfLeadingZeros(max));
  }

  /** Bits of an index into {@code count} entries ({@code count >= 1}), at least 1: 1 for 2, 2 for 3 and 4. */
  public static int indexBits(long count) {
    return Math.max(1, log2Ceil(positive("indexBits", count)));
  }

  /** Bits of the narrowest two's-complement type holding every value from {@code min} to {@code max}. */
  public static int signedBits(long min, long max) {
    if (min > max) {
      throw new DesignError(UserCode.location(), "signedBits(" + min + ", " + max + "): the range is empty");
    }
    int forMin = min < 0 ? Long.SIZE - Long.numberOfLeadingZeros(~min) + 1 : 1;
    int forMax = max > 0 ? Long.SIZE - Long.numberOfLeadingZeros(max) + 1 : 1;
    return Math.max(forMin, forMax);
  }

  /** Bits of the narrowest two's-complement type holding 0 and each of {@code values}. */
  public static int signedBitsOf(long... values) {
    long min = Arrays.stream(values).min().orElse(0);
    long max = Arrays.stream(values).max().orElse(0);
    return signedBits(Math.min(min, 0), Math.max(max, 0));
  }

  private static long positive(String function, long n) {
    if (n < 1) {
      throw new DesignError(UserCode.location(), function + "(" + n + ") needs a count of at least 1");
    }
    return n;
  }
}
