package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Accumulator sizing, exactness and measured error of the golden matrix multiply and linear layer. */
class LinearTest {

  @Test
  void accumulatorWidthIsTheExactWorstCaseOfKProducts() {
    // s8 x s8: products in [-16256, 16384]; 64 of them reach 2^20, which needs 22 signed bits.
    assertEquals(IntFormat.signed(22), MatMul.accumulatorFormat(IntFormat.signed(8), IntFormat.signed(8), 64));
    // s4 x s4: products in [-56, 64]; one of them needs s8, 16 of them reach 1024: s12.
    assertEquals(IntFormat.signed(8), MatMul.accumulatorFormat(IntFormat.signed(4), IntFormat.signed(4), 1));
    assertEquals(IntFormat.signed(12), MatMul.accumulatorFormat(IntFormat.signed(4), IntFormat.signed(4), 16));
    // mixed s6 x s4: products in [31 * -8, -32 * -8] = [-248, 256]; 3 of them: [-744, 768] -> s11.
    assertEquals(IntFormat.signed(11), MatMul.accumulatorFormat(IntFormat.signed(6), IntFormat.signed(4), 3));
  }

  @Test
  void theWorstCaseDotProductFitsItsAccumulatorExactly() {
    int k = 37;
    int[][] x = {new int[k]};
    int[][] w = new int[k][1];
    java.util.Arrays.fill(x[0], -128);
    for (int[] row : w) {
      row[0] = -128;
    }
    long acc = MatMul.multiply(x, w)[0][0];
    assertEquals(37L * 16384, acc);
    assertTrue(MatMul.accumulatorFormat(IntFormat.signed(8), IntFormat.signed(8), k).contains(acc));
  }

  @Test
  void matMulMatchesAHandComputedProduct() {
    long[][] product = MatMul.multiply(new int[][] {{1, 2}, {-3, 4}}, new int[][] {{5, -6, 7}, {8, 9, -10}});
    assertArrayEquals(new long[] {21, 12, -13}, product[0]);
    assertArrayEquals(new long[] {17, 54, -61}, product[1]);
  }

  @Test
  void inputZeroPointIsFoldedIntoTheBias() {
    Requantizer identity = Requantizer.singleRounding(1.0, 0, IntFormat.signed(16));
    Linear linear = new Linear(new int[][] {{2, -1}, {3, 4}}, new long[] {10, 0}, IntFormat.signed(8), 5,
        IntFormat.signed(4), identity);
    assertArrayEquals(new long[] {10 - 5 * 5, -5 * 3}, linear.foldedBias());
    // (x - 5) W + b for x = (6, 7): (1, 2) W + b = (2 + 6 + 10, -1 + 8)
    assertArrayEquals(new int[] {18, 7}, linear.apply(new int[] {6, 7}));
  }

  /**
   * Measures the layer against float weights; also checks each output against the rounding
   * analysis' bound: 0.5 LSB of requantization (0.07 more for double rounding), plus each weight's
   * half step times its input, plus the bias's half step, in output steps.
   */
  private static ErrorStats linearError(int bits, int k, RoundingMode mode) {
    Random random = new Random(41);
    int n = 16;
    double[][] weights = new double[k][n];
    for (double[] row : weights) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextGaussian() / Math.sqrt(k);
      }
    }
    double[] bias = new double[n];
    for (int j = 0; j < n; j++) {
      bias[j] = random.nextGaussian() * 0.1;
    }
    QuantSpec in = new QuantSpec(4.0 / (1 << (bits - 1)), 0, IntFormat.signed(bits));
    QuantSpec out = new QuantSpec(4.0 / (1 << (bits - 1)), 0, IntFormat.signed(bits));
    Linear linear = Linear.quantize(weights, bias, in, bits, out, mode);
    double maxWeight = 0;
    for (double[] row : weights) {
      for (double w : row) {
        maxWeight = Math.max(maxWeight, Math.abs(w));
      }
    }
    double weightStep = maxWeight / ((1 << (bits - 1)) - 1);
    ErrorStats stats = new ErrorStats();
    for (int trial = 0; trial < 500; trial++) {
      int[] x = new int[k];
      double[] real = new double[k];
      for (int i = 0; i < k; i++) {
        x[i] = in.quantize(random.nextGaussian());
        real[i] = in.dequantize(x[i]);
      }
      int[] y = linear.apply(x);
      double[] reference = Linear.reference(real, weights, bias);
      double inputMass = 0;
      for (double v : real) {
        inputMass += Math.abs(v);
      }
      double bound = 0.57 + (inputMass + in.scale()) * weightStep / 2 / out.scale();
      for (int j = 0; j < n; j++) {
        double code = Math.max(out.format().min(), Math.min(out.format().max(), reference[j] / out.scale()));
        stats.add(y[j], code);
        assertTrue(Math.abs(y[j] - code) <= bound, "error " + Math.abs(y[j] - code) + " above bound " + bound);
      }
    }
    System.out.printf("linear b=%d K=%d %s: max abs %.4f LSB, mean abs %.4f LSB (accumulator %s)%n", bits, k, mode,
        stats.maxAbs(), stats.meanAbs(), linear.accumulatorFormat());
    return stats;
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void quantizedLinearLayerStaysWithinTheRequantizationAndWeightRoundingBound(int bits) {
    for (RoundingMode mode : RoundingMode.values()) {
      assertTrue(linearError(bits, 64, mode).count() > 0);
    }
  }
}
