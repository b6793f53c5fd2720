package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Edge cases of the golden softmax, its exponentials and its divider. */
class IntSoftmaxTest {

  private static final IntFormat S8 = IntFormat.signed(8);

  private static IntSoftmax[] allVariants(IntFormat input, int maxLength) {
    double scale = 8.0 / (1 << (input.bits() - 1));
    return new IntSoftmax[] {
        IntSoftmax.withIExp(input, scale, 8, input.bits(), maxLength, IntSoftmax.Normalizer.DIVIDER),
        IntSoftmax.withIExp(input, scale, 8, input.bits(), maxLength, IntSoftmax.Normalizer.RECIPROCAL),
        IntSoftmax.withLut(input, scale, 12, input.bits(), maxLength, IntSoftmax.Normalizer.DIVIDER),
        IntSoftmax.withLut(input, scale, 12, input.bits(), maxLength, IntSoftmax.Normalizer.RECIPROCAL)};
  }

  @Test
  void aSingleElementRowHasProbabilityOne() {
    for (IntSoftmax softmax : allVariants(S8, 4)) {
      assertArrayEquals(new int[] {255}, softmax.apply(new int[] {-128}));
      assertArrayEquals(new int[] {255}, softmax.apply(new int[] {127}));
    }
  }

  @Test
  void aRowOfEqualCodesIsUniform() {
    for (IntSoftmax softmax : allVariants(S8, 8)) {
      int[] row = new int[5];
      Arrays.fill(row, 42);
      int[] expected = new int[5];
      Arrays.fill(expected, 51);
      assertArrayEquals(expected, softmax.apply(row));
    }
  }

  @Test
  void extremeCodesGiveTheMaximumAllTheMassAndTheMinimumNone() {
    for (IntSoftmax softmax : allVariants(S8, 8)) {
      assertArrayEquals(new int[] {255, 0}, softmax.apply(new int[] {127, -128}));
    }
  }

  @Test
  void theLongestRowOfMinimumCodesSumsToOneWithinRounding() {
    for (IntFormat format : new IntFormat[] {IntFormat.signed(4), IntFormat.signed(6), S8}) {
      for (IntSoftmax softmax : allVariants(format, 256)) {
        int[] row = new int[256];
        Arrays.fill(row, (int) format.min());
        row[100] = (int) format.max();
        int[] probabilities = softmax.apply(row);
        long total = Arrays.stream(probabilities).sum();
        assertTrue(Math.abs(total - softmax.outputMax()) <= 256, "total " + total);
        assertEquals(softmax.outputMax(), probabilities[100], 1);
      }
    }
  }

  @Test
  void rowsLongerThanTheMaximumAndCodesOutsideTheFormatAreRefused() {
    IntSoftmax softmax = allVariants(IntFormat.signed(4), 4)[0];
    assertThrows(IllegalArgumentException.class, () -> softmax.apply(new int[5]));
    assertThrows(IllegalArgumentException.class, () -> softmax.apply(new int[] {8}));
    assertThrows(IllegalArgumentException.class, () -> softmax.apply(new int[0]));
  }

  @Test
  void iExpIsExactlyTheIbertPolynomialAtZeroAndHalvesPerLn2() {
    double scale = Math.log(2) / 64;
    IExp exp = new IExp(scale, 255, 6);
    assertEquals(0, exp.preShift());
    assertEquals(-64, exp.x0());
    assertEquals(exp.b() * exp.b() + exp.c(), exp.exp(0));
    assertEquals(exp.exp(0) >> 1, exp.exp(-64));
    assertEquals(exp.exp(-10) >> 3, exp.exp(-10 - 3 * 64));
  }

  @Test
  void iExpFollowsTheRealExponentialWithinThePolynomialsError() {
    double scale = 0.05;
    IExp exp = new IExp(scale, 255, 8);
    for (int delta = 0; delta >= -100; delta--) {
      double ratio = (double) exp.exp(delta) / exp.exp(0);
      assertEquals(Math.exp(delta * scale), ratio, 3e-3, "delta " + delta);
    }
  }

  @Test
  void lutEntriesAreTheRoundedExponentialOfEveryDifference() {
    ExpLut lut = new ExpLut(0.25, 15, 8);
    assertEquals(255, lut.entry(0));
    assertEquals(Math.round(Math.exp(-15 * 0.25) * 255), lut.entry(15));
    assertEquals(lut.entry(3), lut.exp(-3));
    assertThrows(IllegalArgumentException.class, () -> lut.exp(-16));
  }

  @Test
  void restoringDividerEqualsFloorDivisionWhereverTheQuotientFits() {
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      int quotientBits = 1 + random.nextInt(16);
      long denominator = 1 + random.nextInt(1 << 20);
      long numerator = (long) (random.nextDouble() * (denominator << quotientBits));
      assertEquals(numerator / denominator, RestoringDivider.divide(numerator, denominator, quotientBits));
    }
    assertEquals(15, RestoringDivider.divide(16 * 7 - 1, 7, 4));
    assertThrows(IllegalArgumentException.class, () -> RestoringDivider.divide(16 * 7, 7, 4));
  }
}
