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
}
