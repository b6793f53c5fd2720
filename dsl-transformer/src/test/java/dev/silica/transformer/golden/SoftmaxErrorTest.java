package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures integer softmax against the float softmax of the same (dequantized) input codes and
 * prints the figures in {@link IntSoftmax}'s javadoc: b-bit inputs covering [-8, 8), values drawn
 * from N(0, 2.5^2) (attention-score-like), 2,000 rows of random length 1..64, seed 7. The error
 * includes the output rounding, whose own bound is half a step, {@code 0.5 / (2^b - 1)}.
 */
class SoftmaxErrorTest {

  private static final int MAX_LENGTH = 64;

  private static double inputScale(int bits) {
    return 8.0 / (1 << (bits - 1));
  }

  private static ErrorStats measure(String name, IntSoftmax softmax) {
    Random random = new Random(7);
    double scale = inputScale(softmax.input().bits());
    ErrorStats stats = new ErrorStats();
    for (int t = 0; t < 2000; t++) {
      int length = 1 + random.nextInt(MAX_LENGTH);
      int[] row = new int[length];
      double[] real = new double[length];
      for (int i = 0; i < length; i++) {
        row[i] = (int) softmax.input().saturate(Math.round(random.nextGaussian() * 2.5 / scale));
        real[i] = row[i] * scale;
      }
      int[] probabilities = softmax.apply(row);
      double[] reference = IntSoftmax.reference(real);
      for (int i = 0; i < length; i++) {
        stats.add(probabilities[i] * softmax.outputScale(), reference[i]);
      }
    }
    System.out.printf("softmax b=%d %-26s max abs %.5f mean abs %.6f (half output step %.5f)%n",
        softmax.outBits(), name, stats.maxAbs(), stats.meanAbs(), softmax.outputScale() / 2);
    return stats;
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void iExpWithEightPrecisionBitsAddsLessThanAThousandthToTheOutputRounding(int bits) {
    for (IntSoftmax.Normalizer normalizer : IntSoftmax.Normalizer.values()) {
      IntSoftmax softmax = IntSoftmax.withIExp(IntFormat.signed(bits), inputScale(bits), 8, bits, MAX_LENGTH,
          normalizer);
      ErrorStats stats = measure("i-exp P=8 " + normalizer, softmax);
      assertTrue(stats.maxAbs() <= softmax.outputScale() / 2 + 1e-3, "max error " + stats.maxAbs());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void iExpWithSixPrecisionBitsStaysWithinTwoPercentForLowBitOutputs(int bits) {
    IntSoftmax softmax = IntSoftmax.withIExp(IntFormat.signed(bits), inputScale(bits), 6, bits, MAX_LENGTH,
        IntSoftmax.Normalizer.DIVIDER);
    ErrorStats stats = measure("i-exp P=6 DIVIDER", softmax);
    assertTrue(stats.maxAbs() <= softmax.outputScale() / 2 + 2e-3, "max error " + stats.maxAbs());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void lutWithSixteenBitEntriesIsAsGoodAsTheOutputRounding(int bits) {
    for (IntSoftmax.Normalizer normalizer : IntSoftmax.Normalizer.values()) {
      IntSoftmax softmax = IntSoftmax.withLut(IntFormat.signed(bits), inputScale(bits), 16, bits, MAX_LENGTH,
          normalizer);
      ErrorStats stats = measure("lut E=16 " + normalizer, softmax);
      assertTrue(stats.maxAbs() <= softmax.outputScale() / 2 + 1e-4, "max error " + stats.maxAbs());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void lutWithEntriesFourBitsWiderThanTheOutputCostsAtMostOneOutputStep(int bits) {
    IntSoftmax softmax = IntSoftmax.withLut(IntFormat.signed(bits), inputScale(bits), bits + 4, bits, MAX_LENGTH,
        IntSoftmax.Normalizer.DIVIDER);
    ErrorStats stats = measure("lut E=b+4 DIVIDER", softmax);
    assertTrue(stats.maxAbs() <= softmax.outputScale() * 1.5, "max error " + stats.maxAbs());
  }
}
