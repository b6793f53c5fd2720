package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Edge cases of integer square root, folded BatchNorm and integer LayerNorm. */
class NormalizationTest {

  private static long exactRoot(long n) {
    return BigInteger.valueOf(n).sqrt().longValueExact();
  }

  @Test
  void bothSquareRootsAreTheExactFloorEverywhere() {
    long[] edges = {0, 1, 2, 3, 4, 15, 16, 17, (1L << 62) - 1, 1L << 62, Long.MAX_VALUE,
        3037000499L * 3037000499L, 3037000499L * 3037000499L - 1};
    for (long n : edges) {
      assertEquals(exactRoot(n), IntegerSqrt.bitSerial(n), "bit-serial " + n);
      assertEquals(exactRoot(n), IntegerSqrt.newton(n), "newton " + n);
    }
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      long n = random.nextLong() >>> (1 + random.nextInt(63));
      assertEquals(exactRoot(n), IntegerSqrt.bitSerial(n));
      assertEquals(exactRoot(n), IntegerSqrt.newton(n));
    }
    assertThrows(IllegalArgumentException.class, () -> IntegerSqrt.bitSerial(-1));
  }

  @Test
  void bitSerialRootTakesOneStepPerResultBit() {
    assertEquals(24, IntegerSqrt.bitSerialSteps(48));
    assertEquals(5, IntegerSqrt.bitSerialSteps(9));
  }

  private static BatchNormParams identityWithShift(double shift) {
    return new BatchNormParams(new double[] {1, 2}, new double[] {shift, 0}, new double[] {0, 0},
        new double[] {1, 1}, 0);
  }

  @Test
  void batchNormFoldsZeroPointsIntoTheOffset() {
    QuantSpec in = new QuantSpec(0.5, 3, IntFormat.signed(8));
    QuantSpec out = new QuantSpec(0.5, -2, IntFormat.signed(8));
    FoldedBatchNorm bn = FoldedBatchNorm.fold(identityWithShift(0), in, out, 16);
    assertEquals(-2, bn.apply(3, 0), "real zero maps to the output zero point");
    assertEquals(-2 + 10, bn.apply(13, 0), "identity channel keeps the step");
    assertEquals(-2 + 20, bn.apply(13, 1), "gamma 2 doubles it");
  }

  @Test
  void batchNormSaturatesAtTheOutputFormatsEnds() {
    QuantSpec in = QuantSpec.symmetric(1, 4);
    QuantSpec out = QuantSpec.symmetric(0.25, 4);
    FoldedBatchNorm bn = FoldedBatchNorm.fold(identityWithShift(0), in, out, 12);
    assertArrayEquals(new int[] {7, 7}, bn.apply(new int[] {7, 7}));
    assertArrayEquals(new int[] {-8, -8}, bn.apply(new int[] {-8, -8}));
    assertArrayEquals(new int[] {0, 0}, bn.apply(new int[] {0, 0}));
  }

  @Test
  void batchNormRefusesAMultiplierTooWideForItsCoefficients() {
    QuantSpec in = QuantSpec.symmetric(1, 8);
    QuantSpec out = QuantSpec.symmetric(1.0 / 512, 8);
    assertThrows(IllegalArgumentException.class, () -> FoldedBatchNorm.fold(identityWithShift(0), in, out, 8));
  }

  /**
   * Codes of 16 channels of random statistics, every 8-bit input code, whose folded output differs
   * from the rounded float BatchNorm of the dequantized input (values within 1e-4 steps of a
   * rounding tie skipped).
   */
  private static int foldedCodesDifferingFromTheRoundedFloat(int coefficientBits) {
    Random random = new Random(5);
    int channels = 16;
    double[] gamma = new double[channels];
    double[] beta = new double[channels];
    double[] mean = new double[channels];
    double[] variance = new double[channels];
    for (int c = 0; c < channels; c++) {
      gamma[c] = 0.2 + 3 * random.nextDouble();
      beta[c] = random.nextGaussian();
      mean[c] = random.nextGaussian();
      variance[c] = 0.05 + 4 * random.nextDouble();
    }
    BatchNormParams params = new BatchNormParams(gamma, beta, mean, variance, 1e-5);
    QuantSpec in = new QuantSpec(0.031, 5, IntFormat.signed(8));
    QuantSpec out = new QuantSpec(0.027, -3, IntFormat.signed(8));
    FoldedBatchNorm folded = FoldedBatchNorm.fold(params, in, out, coefficientBits);
    int differing = 0;
    for (int c = 0; c < channels; c++) {
      for (int code = -128; code <= 127; code++) {
        double real = FoldedBatchNorm.reference(in.dequantize(code), c, params) / out.scale();
        if (Math.abs(real - Math.floor(real) - 0.5) > 1e-4 && folded.apply(code, c) != out.quantize(real * out.scale())) {
          differing++;
        }
      }
    }
    return differing;
  }

  @Test
  void batchNormWith24BitCoefficientsRoundsLikeTheFloatBatchNormAwayFromTies() {
    assertEquals(0, foldedCodesDifferingFromTheRoundedFloat(24));
  }

  @Test
  void batchNormWith16BitCoefficientsFlipsSomeCodes() {
    int differing = foldedCodesDifferingFromTheRoundedFloat(16);
    assertTrue(differing > 0, "16-bit coefficients flip no code of 4096");
  }

  private static IntLayerNorm unitLayerNorm(int channels, IntFormat input, QuantSpec output) {
    double[] gamma = new double[channels];
    java.util.Arrays.fill(gamma, 1);
    return IntLayerNorm.of(gamma, new double[channels], input, output, 8, 16);
  }

  @Test
  void layerNormOfTwoDistinctCodesIsPlusAndMinusOne() {
    IntLayerNorm ln = unitLayerNorm(2, IntFormat.signed(8), QuantSpec.symmetric(0.25, 8));
    assertArrayEquals(new int[] {4, -4}, ln.apply(new int[] {100, -7}));
    assertArrayEquals(new int[] {-4, 4}, ln.apply(new int[] {-128, 127}));
  }

  @Test
  void layerNormOfAConstantRowIsBeta() {
    IntLayerNorm ln = IntLayerNorm.of(new double[] {1, 1, 1}, new double[] {0.5, -0.25, 0}, IntFormat.signed(6),
        QuantSpec.symmetric(0.25, 6), 8, 16);
    assertArrayEquals(new int[] {2, -1, 0}, ln.apply(new int[] {-32, -32, -32}));
    assertArrayEquals(new int[] {2, -1, 0}, ln.apply(new int[] {31, 31, 31}));
  }

  @Test
  void layerNormOfTheLongestExtremeRowSaturatesAndDoesNotOverflow() {
    int channels = 256;
    IntLayerNorm ln = unitLayerNorm(channels, IntFormat.signed(16), QuantSpec.symmetric(1.0 / 16, 8));
    int[] row = new int[channels];
    java.util.Arrays.fill(row, -32768);
    row[0] = 32767;
    int[] out = ln.apply(row);
    assertEquals(127, out[0], "sqrt(255) ~ 16 standard deviations, 255 output steps, saturates");
    assertEquals(-1, out[1], "the others sit 1/sqrt(255) ~ 1/16 below the mean");
  }
}
