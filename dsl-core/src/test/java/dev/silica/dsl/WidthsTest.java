package dev.silica.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.silica.ir.DesignError;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The width helpers against definitions counted out with BigInteger, and their refusals. */
class WidthsTest {

  /** The smallest w with 2^w >= n, by counting. */
  private static int ceilByCounting(long n) {
    int w = 0;
    while (BigInteger.ONE.shiftLeft(w).compareTo(BigInteger.valueOf(n)) < 0) {
      w++;
    }
    return w;
  }

  /** The largest w with 2^w <= n, by counting. */
  private static int floorByCounting(long n) {
    int w = 0;
    while (BigInteger.ONE.shiftLeft(w + 1).compareTo(BigInteger.valueOf(n)) <= 0) {
      w++;
    }
    return w;
  }

  private static long[] samples() {
    long[] small = new long[70];
    for (int i = 0; i < small.length; i++) {
      small[i] = i + 1;
    }
    long[] large = {127, 128, 129, 1023, 1024, 1025, (1L << 40) - 1, 1L << 40, (1L << 40) + 1, Long.MAX_VALUE};
    long[] all = new long[small.length + large.length];
    System.arraycopy(small, 0, all, 0, small.length);
    System.arraycopy(large, 0, all, small.length, large.length);
    return all;
  }

  @Test
  void logarithmsRoundUpAndDownLikeCountingPowersOfTwo() {
    for (long n : samples()) {
      assertEquals(ceilByCounting(n), Widths.log2Ceil(n), "log2Ceil(" + n + ")");
      assertEquals(floorByCounting(n), Widths.log2Floor(n), "log2Floor(" + n + ")");
      assertEquals(ceilByCounting(n) == floorByCounting(n), Widths.isPow2(n), "isPow2(" + n + ")");
    }
    assertEquals(false, Widths.isPow2(0));
    assertEquals(false, Widths.isPow2(-4));
  }

  @Test
  void unsignedBitsHoldTheLargestValueAndIndexBitsEveryIndexOfACount() {
    for (long n : samples()) {
      int bits = Widths.unsignedBits(n);
      assertEquals(Math.max(1, BigInteger.valueOf(n).bitLength()), bits, "unsignedBits(" + n + ")");
      int index = Widths.indexBits(n);
      assertEquals(Math.max(1, BigInteger.valueOf(n - 1).bitLength()), index, "indexBits(" + n + ")");
    }
    assertEquals(1, Widths.unsignedBits(0));
    assertEquals(1, Widths.indexBits(1));
    assertEquals(2, Widths.indexBits(3));
  }

  @Test
  void signedBitsAreTheNarrowestTwosComplementRange() {
    for (long min = -130; min <= 0; min += 7) {
      for (long max = 0; max <= 130; max += 9) {
        int bits = Widths.signedBits(min, max);
        long lo = -(1L << (bits - 1));
        long hi = (1L << (bits - 1)) - 1;
        assertEquals(true, lo <= min && max <= hi, bits + " bits hold [" + min + ", " + max + "]");
        long narrowerLo = -(1L << Math.max(bits - 2, 0));
        long narrowerHi = (1L << Math.max(bits - 2, 0)) - 1;
        assertEquals(true, bits == 1 || min < narrowerLo || max > narrowerHi, (bits - 1) + " bits would not");
      }
    }
    assertEquals(8, Widths.signedBitsOf(-128, 5));
    assertEquals(9, Widths.signedBitsOf(128));
    assertEquals(1, Widths.signedBitsOf());
  }

  @Test
  void countsBelowOneAndEmptyRangesAreDesignErrorsAtTheCallersLine() {
    assertRefused("log2Ceil(0) needs a count of at least 1", () -> Widths.log2Ceil(0));
    assertRefused("log2Floor(0) needs a count of at least 1", () -> Widths.log2Floor(0));
    assertRefused("indexBits(-3) needs a count of at least 1", () -> Widths.indexBits(-3));
    assertRefused("unsignedBits(-1): an unsigned value cannot reach -1", () -> Widths.unsignedBits(-1));
    assertRefused("signedBits(3, 2): the range is empty", () -> Widths.signedBits(3, 2));
  }

  /** The call on the caller's line is refused with {@code message} at that line. */
  private static void assertRefused(String message, Runnable call) {
    int line = StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow().getLineNumber());
    DesignError e = assertThrows(DesignError.class, call::run);
    assertEquals("WidthsTest.java:" + line + ": " + message, e.getMessage());
  }
}
