package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * TFLite's published unit-test cases for {@code QuantizeMultiplier} and {@code
 * MultiplyByQuantizedMultiplier}, reproduced exactly. Source: tensorflow/tensorflow,
 * {@code tensorflow/lite/kernels/internal/quantization_util_test.cc}, tests
 * QuantizeMultiplierSmallerThanOneExp, QuantizeMultiplierGreaterThanOne,
 * QuantizeMultiplierUnderflow, QuantizeMultiplierArray, MultiplyByQuantizedMultiplierInt32 and
 * MultiplyByQuantizedMultiplierInt64. The cases where TFLite dies on a CHECK are refusals here.
 */
class TfliteQuantizationUtilCasesTest {

  private static void assertMultiplier(int multiplier, int shift, QuantizedMultiplier actual) {
    assertEquals(new QuantizedMultiplier(multiplier, shift), actual);
  }

  @Test
  void quantizeMultiplierSmallerThanOneMatchesTflite() {
    assertThrows(IllegalArgumentException.class, () -> QuantizeMultiplier.smallerThanOne(-0.1));
    assertThrows(IllegalArgumentException.class, () -> QuantizeMultiplier.smallerThanOne(0.0));
    assertMultiplier(1073741824, -1, QuantizeMultiplier.smallerThanOne(0.25));
    assertMultiplier(2147483627, -1, QuantizeMultiplier.smallerThanOne(0.50 - 5e-9));
    assertMultiplier(1073741824, 0, QuantizeMultiplier.smallerThanOne(0.50 - 1e-10));
    assertMultiplier(1073741824, 0, QuantizeMultiplier.smallerThanOne(0.50));
    assertMultiplier(1610612736, 0, QuantizeMultiplier.smallerThanOne(0.75));
    assertMultiplier(2147483646, 0, QuantizeMultiplier.smallerThanOne(1 - 1e-9));
    assertThrows(IllegalArgumentException.class, () -> QuantizeMultiplier.smallerThanOne(1 - 1e-15));
    assertThrows(IllegalArgumentException.class, () -> QuantizeMultiplier.smallerThanOne(1 - 1e-17));
    assertThrows(IllegalArgumentException.class, () -> QuantizeMultiplier.smallerThanOne(1.0));
  }

  @Test
  void quantizeMultiplierGreaterThanOneMatchesTflite() {
    assertThrows(IllegalArgumentException.class, () -> QuantizeMultiplier.greaterThanOne(1 + 1e-16));
    assertMultiplier(1073741824, 1, QuantizeMultiplier.greaterThanOne(1 + 1e-11));
    assertMultiplier(1342177280, 1, QuantizeMultiplier.greaterThanOne(1.25));
    assertMultiplier(1610612736, 1, QuantizeMultiplier.greaterThanOne(1.50));
    assertMultiplier(1879048192, 1, QuantizeMultiplier.greaterThanOne(1.75));
    assertMultiplier(2147483647, 1, QuantizeMultiplier.greaterThanOne(2 - 1e-9));
    assertMultiplier(1073741824, 2, QuantizeMultiplier.greaterThanOne(2 - 1e-11));
    assertMultiplier(1073741824, 2, QuantizeMultiplier.greaterThanOne(2));
  }

  @Test
  void quantizeMultiplierUnderflowMatchesTflite() {
    assertMultiplier(1073741824, -30, QuantizeMultiplier.of(Math.scalb(1.0f, -31)));
    assertMultiplier(1073741824, -31, QuantizeMultiplier.of(Math.scalb(1.0f, -32)));
    assertMultiplier(0, 0, QuantizeMultiplier.of(Math.scalb((double) 0.99f, -32)));
    assertMultiplier(0, 0, QuantizeMultiplier.of(Math.scalb(1.0f, -33)));
  }

  @Test
  void quantizeMultiplierArrayMatchesTflite() {
    double[] scales = {-4, -2, -1, -0.5, -0.25, -0.125, 0, 0.125, 0.25, 0.5, 1, 2, 4};
    int[] significands = {-1073741824, -1073741824, -1073741824, -1073741824, -1073741824, -1073741824, 0,
        1073741824, 1073741824, 1073741824, 1073741824, 1073741824, 1073741824};
    int[] shifts = {3, 2, 1, 0, -1, -2, 0, -2, -1, 0, 1, 2, 3};
    for (int i = 0; i < scales.length; i++) {
      assertMultiplier(significands[i], shifts[i], QuantizeMultiplier.of(scales[i]));
    }
  }

  private static int doubleRounding(int x, double scale) {
    return FixedPointMath.multiplyByQuantizedMultiplier(x, QuantizeMultiplier.of(scale));
  }

  private static long singleRounding(long x, double scale) {
    return FixedPointMath.multiplyByQuantizedMultiplierSingleRounding(x, QuantizeMultiplier.of(scale));
  }

  @Test
  void multiplyByQuantizedMultiplierInt32MatchesTfliteInDoubleRounding() {
    assertEquals(0, doubleRounding(0, 0.1));
    assertEquals(0, doubleRounding(1, 0));
    assertEquals(10, doubleRounding(10000, 0.00097656));
    assertEquals(-10, doubleRounding(-10000, 0.00097656));
    assertEquals(-21475, doubleRounding(Integer.MIN_VALUE, 0.00001));
    assertEquals(21475, doubleRounding(Integer.MAX_VALUE, 0.00001));
    assertEquals(-10, doubleRounding(10000, -0.00097656));
    assertEquals(10, doubleRounding(-10000, -0.00097656));
    assertEquals(21475, doubleRounding(Integer.MIN_VALUE, -0.00001));
    assertEquals(-21475, doubleRounding(Integer.MAX_VALUE, -0.00001));
    QuantizedMultiplier extreme = new QuantizedMultiplier(Integer.MAX_VALUE, -3);
    long expected = Math.round((double) ((long) Integer.MAX_VALUE * Integer.MAX_VALUE) / 0x1p34);
    assertEquals(expected, FixedPointMath.multiplyByQuantizedMultiplier(Integer.MAX_VALUE, extreme));
    assertEquals(-expected, FixedPointMath.multiplyByQuantizedMultiplier(-Integer.MAX_VALUE, extreme));
  }

  @Test
  void multiplyByQuantizedMultiplierInt32MatchesTfliteInSingleRounding() {
    assertEquals(0, singleRounding(0, 0.1));
    assertEquals(0, singleRounding(1, 0));
    assertEquals(10, singleRounding(10000, 0.00097656));
    assertEquals(-10, singleRounding(-10000, 0.00097656));
    assertEquals(-21475, singleRounding(Integer.MIN_VALUE, 0.00001));
    assertEquals(21475, singleRounding(Integer.MAX_VALUE, 0.00001));
    QuantizedMultiplier extreme = new QuantizedMultiplier(Integer.MAX_VALUE, -3);
    long expected = Math.round((double) ((long) Integer.MAX_VALUE * Integer.MAX_VALUE) / 0x1p34);
    assertEquals(expected, FixedPointMath.multiplyByQuantizedMultiplierSingleRounding(Integer.MAX_VALUE, extreme));
    assertEquals(-expected, FixedPointMath.multiplyByQuantizedMultiplierSingleRounding(-Integer.MAX_VALUE, extreme));
  }

  private static int int64Form(long x, double scale) {
    return FixedPointMath.multiplyByQuantizedMultiplierInt64(x, QuantizeMultiplier.of(scale));
  }

  @Test
  void multiplyByQuantizedMultiplierInt64MatchesTflite() {
    assertEquals(0, int64Form(0, 0.1));
    assertEquals(0, int64Form(1, 0));
    assertEquals(10, int64Form(10000, 0.00097656));
    assertEquals(-10, int64Form(-10000, 0.00097656));
    assertEquals(-1407385600, int64Form(-(1L << 47), 0.00001));
    assertEquals(1407385600, int64Form((1L << 47) - 1, 0.00001));
    QuantizedMultiplier extreme = new QuantizedMultiplier(Integer.MAX_VALUE, -31);
    assertEquals(65534, FixedPointMath.multiplyByQuantizedMultiplierInt64((1L << 47) - 1, extreme));
    assertEquals(-65534, FixedPointMath.multiplyByQuantizedMultiplierInt64(-((1L << 47) - 1), extreme));
  }
}
