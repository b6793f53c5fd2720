package dev.silica.testbench;

import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * Values as raw two's complement bits in 64-bit words, least significant first: the form in which
 * {@link SimEngine#pokeBits} and {@link SimEngine#peekBits} move values without allocating.
 */
public final class Bits {

  private Bits() {}

  /** How many words hold a value of {@code width} bits. */
  public static int wordCount(int width) {
    return (width + 63) >>> 6;
  }

  /** The low {@code bits} bits (1..64) of {@code word}. */
  public static long mask(long word, int bits) {
    return bits >= 64 ? word : word & ((1L << bits) - 1);
  }

  /** The value of {@code type} whose bits are {@code words}; bits above the width are ignored. */
  public static BigInteger value(long[] words, Type type) {
    BigInteger raw = BigInteger.ZERO;
    for (int i = wordCount(type.width()) - 1; i >= 0; i--) {
      raw = raw.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(words[i])));
    }
    return type.wrap(raw);
  }

  /** Writes the bits of {@code value}, of {@code type}, into the first words of {@code words}. */
  public static void toWords(BigInteger value, Type type, long[] words) {
    int n = wordCount(type.width());
    for (int i = 0; i < n; i++) {
      words[i] = value.shiftRight(64 * i).longValue();
    }
    words[n - 1] = mask(words[n - 1], type.width() - 64 * (n - 1));
  }

  /** Whether {@code value} is a value of {@code type} (its range, without allocating). */
  public static boolean fits(long value, Type type) {
    int w = type.width();
    if (type.signed()) {
      return w >= 64 || (value >> (w - 1)) == 0 || (value >> (w - 1)) == -1;
    }
    return value >= 0 && (w >= 63 || value >>> w == 0);
  }

  /**
   * Writes the two's complement bits of {@code value} (a value of {@code type}) into the first
   * words of {@code words}, bits above the width zero.
   */
  public static void fromLong(long value, Type type, long[] words) {
    int n = wordCount(type.width());
    long extension = value < 0 ? -1L : 0L;
    words[0] = value;
    for (int i = 1; i < n; i++) {
      words[i] = extension;
    }
    words[n - 1] = mask(words[n - 1], type.width() - 64 * (n - 1));
  }

  /**
   * The value of {@code type} whose bits are {@code words} (bits above the width zero), as a long.
   *
   * @throws ArithmeticException when it does not fit a long (wide or large 64-bit unsigned values)
   */
  public static long longValue(long[] words, Type type) {
    int width = type.width();
    if (width < 64) {
      long w = words[0];
      return type.signed() ? (w << (64 - width)) >> (64 - width) : w;
    }
    long low = words[0];
    boolean negative = type.signed() && bit(words, width - 1);
    if (!type.signed() && low < 0) {
      throw new ArithmeticException("the value does not fit a long");
    }
    int n = wordCount(width);
    for (int i = 1; i < n; i++) {
      int bits = Math.min(64, width - 64 * i);
      if (words[i] != (negative ? mask(-1L, bits) : 0L) || (negative != (low < 0))) {
        throw new ArithmeticException("the value does not fit a long");
      }
    }
    return low;
  }

  private static boolean bit(long[] words, int index) {
    return ((words[index >>> 6] >>> (index & 63)) & 1) != 0;
  }
}
