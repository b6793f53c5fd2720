package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edge cases and measured error of ReLU, residual add, global average pooling and positional
 * encoding; prints the residual-add figures in {@link ResidualAdd}'s javadoc.
 */
class ElementwiseTest {

  @Test
  void reluIsExactlyTheFloatReluOfEveryCode() {
    QuantSpec spec = new QuantSpec(0.1, -3, IntFormat.signed(6));
    for (long code = spec.format().min(); code <= spec.format().max(); code++) {
      int out = Relu.apply((int) code, spec.zeroPoint());
      assertEquals(Math.max(0, spec.dequantize(code)), spec.dequantize(out), 1e-12);
    }
    assertArrayEquals(new int[] {-3, -3, 31}, Relu.apply(new int[] {-32, -3, 31}, -3));
  }

  @Test
  void averagePoolingRoundsTheMeanHalfUpAndStaysWithinHalfAnLsb() {
    assertEquals(2, GlobalAvgPool.mean(new int[] {1, 2}), "1.5 rounds up");
    assertEquals(-1, GlobalAvgPool.mean(new int[] {-1, -2}), "-1.5 rounds up");
    assertEquals(-128, GlobalAvgPool.mean(new int[] {-128, -128, -128}));
    assertEquals(127, GlobalAvgPool.mean(new int[] {127, 127, 127}));
    Random random = new Random(31);
    for (int trial = 0; trial < 2000; trial++) {
      int[] column = new int[1 + random.nextInt(128)];
      double mean = 0;
      for (int t = 0; t < column.length; t++) {
        column[t] = random.nextInt(256) - 128;
        mean += column[t];
      }
      mean /= column.length;
      assertTrue(Math.abs(GlobalAvgPool.mean(column) - mean) <= 0.5);
    }
    assertArrayEquals(new int[] {2, -5}, GlobalAvgPool.apply(new int[][] {{1, -4}, {3, -6}}));
  }

  @Test
  void positionalEncodingTableIsTheRoundedSinusoidAtTheInputScale() {
    QuantSpec spec = QuantSpec.symmetric(1.0 / 32, 8);
    PositionalEncoding pe = new PositionalEncoding(16, 8, spec);
    assertEquals(0, pe.entry(0, 0), "sin(0)");
    assertEquals(32, pe.entry(0, 1), "cos(0) = 1.0 = 32 steps");
    assertEquals(Math.round(Math.sin(1) * 32), pe.entry(1, 0));
    assertEquals(Math.round(Math.cos(5 / Math.pow(10000, 2.0 / 8)) * 32), pe.entry(5, 3));
    assertEquals(IntFormat.signed(7), pe.entryFormat());
  }

  @Test
  void positionalEncodingAddIsWithinHalfAnLsbOfTheRealSumUnlessItSaturates() {
    QuantSpec spec = QuantSpec.symmetric(1.0 / 16, 6);
    PositionalEncoding pe = new PositionalEncoding(24, 16, spec);
    int[][] x = new int[24][16];
    Random random = new Random(32);
    for (int[] row : x) {
      for (int c = 0; c < row.length; c++) {
        row[c] = random.nextInt(64) - 32;
      }
    }
    int[][] y = pe.apply(x);
    for (int t = 0; t < 24; t++) {
      for (int c = 0; c < 16; c++) {
        double real = spec.dequantize(x[t][c]) + PositionalEncoding.reference(t, c, 16);
        double clamped = Math.max(spec.dequantize(-32), Math.min(spec.dequantize(31), real));
        assertTrue(Math.abs(spec.dequantize(y[t][c]) - clamped) <= spec.scale() / 2 + 1e-12);
      }
    }
    assertEquals(31, pe.apply(31, 0, 1), "saturates at the top");
    assertEquals(-16, pe.apply(-32, 0, 1), "the minimum code plus cos(0) = 16 steps");
  }

  private static ErrorStats residualError(int bits, int multiplierBits, int guardBits) {
    return residualError(bits, multiplierBits + "-bit multipliers", guardBits,
        (a, b, out) -> new ResidualAdd(a, b, out, multiplierBits, guardBits));
  }

  /** Builds the residual add under test from its operand and output specs. */
  private interface ResidualAddFactory {
    ResidualAdd of(QuantSpec a, QuantSpec b, QuantSpec out);
  }

  private static ErrorStats residualError(int bits, String multipliers, int guardBits, ResidualAddFactory factory) {
    double step = 4.0 / (1 << (bits - 1));
    QuantSpec a = new QuantSpec(step * 0.7, 1, IntFormat.signed(bits));
    QuantSpec b = new QuantSpec(step * 1.3, -2, IntFormat.signed(bits));
    QuantSpec out = new QuantSpec(step * 1.5, 0, IntFormat.signed(bits));
    ResidualAdd add = factory.of(a, b, out);
    Random random = new Random(33);
    ErrorStats stats = new ErrorStats();
    for (int i = 0; i < 50_000; i++) {
      int codeA = (int) (a.format().min() + random.nextInt((int) a.format().codeCount()));
      int codeB = (int) (b.format().min() + random.nextInt((int) b.format().codeCount()));
      double real = (a.dequantize(codeA) + b.dequantize(codeB)) / out.scale();
      stats.add(add.apply(codeA, codeB), Math.max(out.format().min(), Math.min(out.format().max(), real)));
    }
    System.out.printf("residual-add b=%d %s G=%d: max abs %.4f LSB, mean abs %.4f LSB%n", bits, multipliers,
        guardBits, stats.maxAbs(), stats.meanAbs());
    return stats;
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void residualAddWithGuardBitsRoundsOnceToWithinHalfAnLsbPlusAHundredth(int bits) {
    assertTrue(residualError(bits, 16, 4).maxAbs() <= 0.5 + 2 * 0x1p-5 + 0.01);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void singleRoundingResidualAddIsWithinHalfAnLsbPlusItsMultipliersRounding(int bits) {
    ErrorStats stats = residualError(bits, "shift-free multipliers", 30, (a, b, out) -> ResidualAdd.singleRounding(a, b,
        out, 30));
    assertTrue(stats.maxAbs() <= 0.5 + 1e-6);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void residualAddWithoutGuardBitsRoundsTwiceAndStaysBelowOneAndAHalfLsb(int bits) {
    assertTrue(residualError(bits, 16, 0).maxAbs() <= 1.5 + 0.01);
  }

  @Test
  void residualAddSaturatesBothWays() {
    QuantSpec spec = QuantSpec.symmetric(1, 4);
    ResidualAdd add = new ResidualAdd(spec, spec, spec, 8, 2);
    assertEquals(7, add.apply(7, 7));
    assertEquals(-8, add.apply(-8, -8));
    assertEquals(0, add.apply(0, 0));
    assertEquals(-1, add.apply(-8, 7));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 8})
  void singleRoundingResidualAddIsTheRoundedRealSumOfEveryCodePairAwayFromTies(int bits) {
    double step = 4.0 / (1 << (bits - 1));
    QuantSpec a = new QuantSpec(step * 0.7, 1, IntFormat.signed(bits));
    QuantSpec b = new QuantSpec(step * 1.3, -2, IntFormat.signed(bits));
    QuantSpec out = new QuantSpec(step * 1.1, 3, IntFormat.signed(bits));
    ResidualAdd add = ResidualAdd.singleRounding(a, b, out, 30);
    assertEquals(0, add.multiplierA().shift());
    assertEquals(0, add.multiplierB().shift());
    assertEquals(30, add.guardBits());
    int nearTies = 0;
    for (long codeA = a.format().min(); codeA <= a.format().max(); codeA++) {
      for (long codeB = b.format().min(); codeB <= b.format().max(); codeB++) {
        double real = (a.dequantize(codeA) + b.dequantize(codeB)) / out.scale();
        double fraction = real - Math.floor(real);
        if (Math.abs(fraction - 0.5) < 1e-6) {
          nearTies++;
          continue;
        }
        long expected = out.format().saturate(Math.round(real) + out.zeroPoint());
        assertEquals(expected, add.apply((int) codeA, (int) codeB), "codes " + codeA + ", " + codeB);
      }
    }
    assertTrue(nearTies < (1 << (2 * bits)) / 100, nearTies + " pairs near a tie");
  }

  @Test
  void singleRoundingResidualAddRoundsTheExactIntegerSumHalfUp() {
    QuantSpec a = new QuantSpec(0.5, 0, IntFormat.signed(4));
    QuantSpec out = new QuantSpec(1, 0, IntFormat.signed(4));
    ResidualAdd add = ResidualAdd.singleRounding(a, a, out, 2);
    assertEquals(2, add.multiplierA().multiplier(), "0.5 at 2 guard bits");
    assertEquals(1, add.apply(1, 0), "+0.5 rounds up");
    assertEquals(0, add.apply(-1, 0), "-0.5 rounds up");
    assertEquals(1, add.apply(1, 1), "0.5 + 0.5 is exact");
  }
}
