package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Measures each requantizer mode against the exact real result {@code clamp(acc * M + zp)} and
 * prints the figures quoted in {@link Requantizer}'s javadoc: 200 scales log-uniform in {@code
 * [2^-20, 2^-3)}, random zero points in -10..10, 20,000 accumulators per scale spread so that the
 * output spans about +-150 (a little saturation), int8 output.
 */
class RequantizerErrorTest {

  private static final IntFormat INT8 = IntFormat.signed(8);
  private static final int SCALES = 200;
  private static final int SAMPLES = 20_000;

  private interface Factory {
    Requantizer build(double scale, int zeroPoint);
  }

  private static ErrorStats measure(String name, Factory factory, long seed) {
    Random random = new Random(seed);
    ErrorStats stats = new ErrorStats();
    for (int s = 0; s < SCALES; s++) {
      double scale = Math.scalb(1.0, -4 - random.nextInt(17)) * (1 + random.nextDouble());
      int zeroPoint = random.nextInt(21) - 10;
      Requantizer requantizer = factory.build(scale, zeroPoint);
      long reach = (long) (150 / scale);
      for (int i = 0; i < SAMPLES; i++) {
        long acc = (long) ((random.nextDouble() * 2 - 1) * reach);
        double exact = acc * scale + zeroPoint;
        int actual = requantizer.apply(acc);
        stats.add(actual, Math.max(INT8.min(), Math.min(INT8.max(), exact)));
        stats.addExactness(actual, INT8.saturate((long) Math.floor(exact + 0.5)));
      }
    }
    System.out.printf("requant %-32s max abs %.4f LSB, mean abs %.4f LSB, differs from exact rounding %.4f%%%n",
        name, stats.maxAbs(), stats.meanAbs(), 100 * stats.mismatchFraction());
    return stats;
  }

  @Test
  void doubleRoundingLosesAtMostTheFirstRoundingScaledDownByTheRightShift() {
    // right shift >= 3 for these scales: the high-mul's rounding adds at most 0.5 / 2^3 output LSB
    ErrorStats stats = measure("DOUBLE_ROUNDING", (scale, zp) -> Requantizer.doubleRounding(scale, zp, INT8), 1);
    assertTrue(stats.maxAbs() <= 0.5 + 0x1p-4 + 1e-6, "max error " + stats.maxAbs());
  }

  @Test
  void singleRoundingStaysWithinHalfAnLsbOfTheExactValue() {
    ErrorStats stats = measure("SINGLE_ROUNDING", (scale, zp) -> Requantizer.singleRounding(scale, zp, INT8), 2);
    assertTrue(stats.maxAbs() <= 0.5 + 1e-6, "max error " + stats.maxAbs());
  }

  @Test
  void roundHalfUpShiftWithSixteenBitMultiplierStaysWithinHalfAnLsbPlusMultiplierError() {
    ErrorStats stats = measure("ROUND_HALF_UP_SHIFT m=16 bits", (scale, zp) -> Requantizer.roundHalfUpShift(scale, 16, zp, INT8), 3);
    assertTrue(stats.maxAbs() <= 0.5 + 150 * 0x1p-16 + 1e-6, "max error " + stats.maxAbs());
  }

  @Test
  void roundHalfUpShiftWithEightBitMultiplierLosesUpToItsRelativeErrorTimesTheOutput() {
    ErrorStats stats = measure("ROUND_HALF_UP_SHIFT m=8 bits", (scale, zp) -> Requantizer.roundHalfUpShift(scale, 8, zp, INT8), 4);
    assertTrue(stats.maxAbs() <= 0.5 + 150 * 0x1p-8 + 1e-6, "max error " + stats.maxAbs());
  }
}
