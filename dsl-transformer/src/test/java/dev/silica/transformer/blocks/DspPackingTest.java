package dev.silica.transformer.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.transformer.golden.IntFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DspPackingTest {

  private static void assertSeparatesBothSums(DspPacking plan, int[] x, int[] hi, int[] lo) {
    long accumulator = 0;
    long sumHi = 0;
    long sumLo = 0;
    IntFormat word = IntFormat.signed(plan.packedWordBits());
    for (int i = 0; i < x.length; i++) {
      assertTrue(word.contains(plan.pack(hi[i], lo[i])), "the packed word fits " + word);
      accumulator += x[i] * plan.pack(hi[i], lo[i]);
      sumHi += (long) x[i] * hi[i];
      sumLo += (long) x[i] * lo[i];
    }
    assertTrue(IntFormat.signed(plan.accumulatorBits()).contains(accumulator), "fits the packed accumulator");
    assertEquals(sumLo, plan.low(accumulator));
    assertEquals(sumHi, plan.high(accumulator));
  }

  @Test
  void twoFourBitSumsOfSixtyFourTermsComeOutExactlyFromOneProductSum() {
    IntFormat s4 = IntFormat.signed(4);
    DspPacking plan = DspPacking.plan(s4, s4, 64);
    Random random = new Random(51);
    for (int trial = 0; trial < 2000; trial++) {
      int[] x = new int[64];
      int[] hi = new int[64];
      int[] lo = new int[64];
      for (int i = 0; i < 64; i++) {
        x[i] = random.nextInt(16) - 8;
        hi[i] = random.nextInt(16) - 8;
        lo[i] = random.nextInt(16) - 8;
      }
      assertSeparatesBothSums(plan, x, hi, lo);
    }
  }

  @Test
  void worstCaseSumsOfBothSignsSurviveTheSignCorrection() {
    IntFormat s6 = IntFormat.signed(6);
    DspPacking plan = DspPacking.plan(IntFormat.signed(8), s6, 16);
    int[] x = new int[16];
    int[] hi = new int[16];
    int[] lo = new int[16];
    java.util.Arrays.fill(x, -128);
    java.util.Arrays.fill(hi, -32);
    java.util.Arrays.fill(lo, 31);
    assertSeparatesBothSums(plan, x, hi, lo);
    java.util.Arrays.fill(hi, 31);
    java.util.Arrays.fill(lo, -32);
    assertSeparatesBothSums(plan, x, hi, lo);
    java.util.Arrays.fill(hi, -32);
    assertSeparatesBothSums(plan, x, hi, lo);
  }

  @Test
  void eightBitOperandsWithLongSumsAreRefusedNamingThePort() {
    IntFormat s8 = IntFormat.signed(8);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DspPacking.plan(s8, s8, 64));
    assertTrue(error.getMessage().contains("A port"), error.getMessage());
  }
}
