package dev.silica.sim;

import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * Arithmetic on values laid out as little-endian runs of 64-bit words in a {@code long[]}, stored
 * normalized: the bits of the top word above the value's width repeat its sign bit (signed) or are
 * zero (unsigned). A value of up to 64 bits is a run of one word; wider values take {@link
 * #count(int)} words. Reading past a run's end gives its extension, so operands of different widths
 * combine without copying.
 */
final class Words {

  private Words() {}

  /** How many words a value of {@code width} bits occupies. */
  static int count(int width) {
    return (width + 63) >>> 6;
  }

  /** {@code x} reduced to its low {@code bits} bits (1..64) and extended by the given sign. */
  static long normalize(long x, int bits, boolean signed) {
    int shift = 64 - bits;
    return signed ? (x << shift) >> shift : (x << shift) >>> shift;
  }

  /** A mask of the low {@code bits} bits (0..64). */
  static long lowMask(int bits) {
    return bits >= 64 ? -1L : (1L << bits) - 1;
  }

  /** Normalizes the top word of the run at {@code base} holding a value of {@code type}. */
  static void normalizeTop(long[] v, int base, Type type) {
    int n = count(type.width());
    int topBits = type.width() - 64 * (n - 1);
    v[base + n - 1] = normalize(v[base + n - 1], topBits, type.signed());
  }

  /** Word {@code i} of a run of {@code n} words, extended past its end by its sign. */
  static long word(long[] v, int base, int n, boolean signed, int i) {
    if (i < n) {
      return v[base + i];
    }
    return signed ? v[base + n - 1] >> 63 : 0L;
  }

  /**
   * The 64 bits of the extended value starting at bit {@code from}; positions below bit 0 read as
   * zeros (as a left shift brings in).
   */
  static long bitsAt(long[] v, int base, int n, boolean signed, long from) {
    if (from <= -64) {
      return 0L;
    }
    if (from < 0) {
      return word(v, base, n, signed, 0) << -from;
    }
    int q = (int) Math.min(from >>> 6, Integer.MAX_VALUE - 1);
    int r = (int) (from & 63);
    long low = word(v, base, n, signed, q);
    return r == 0 ? low : (low >>> r) | (word(v, base, n, signed, q + 1) << (64 - r));
  }

  /** Sets bits {@code from} and up of the run at {@code base} ({@code n} words) to {@code fill}. */
  static void fillFrom(long[] v, int base, int n, long from, boolean fill) {
    for (int i = 0; i < n; i++) {
      long start = 64L * i;
      if (from >= start + 64) {
        continue;
      }
      long mask = from <= start ? -1L : -1L << (from - start);
      v[base + i] = fill ? v[base + i] | mask : v[base + i] & ~mask;
    }
  }

  /** Whether the unsigned run at {@code base} is at least {@code limit} (a non-negative int). */
  static boolean unsignedAtLeast(long[] v, int base, int n, long limit) {
    for (int i = 1; i < n; i++) {
      if (v[base + i] != 0) {
        return true;
      }
    }
    return v[base] < 0 || v[base] >= limit;
  }

  /** The value of the run at {@code base} holding {@code type}. */
  static BigInteger toBig(long[] v, int base, Type type) {
    int n = count(type.width());
    byte[] bytes = new byte[8 * n];
    for (int i = 0; i < n; i++) {
      long w = v[base + i];
      for (int b = 0; b < 8; b++) {
        bytes[8 * n - 1 - (8 * i + b)] = (byte) (w >>> (8 * b));
      }
    }
    BigInteger raw = new BigInteger(bytes);
    return type.wrap(raw);
  }

  /** Stores {@code value} (which must fit {@code type}) normalized into the run at {@code base}. */
  static void fromBig(BigInteger value, long[] v, int base, Type type) {
    int n = count(type.width());
    for (int i = 0; i < n; i++) {
      v[base + i] = value.shiftRight(64 * i).longValue();
    }
    normalizeTop(v, base, type);
  }
}
