package dev.silica.transformer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Quantization specs. The range cases are TFLite's published ones for {@code
 * ChooseQuantizationParams} (tensorflow/tensorflow, tensorflow/lite/kernels/internal/
 * quantization_util_test.cc: ChooseQuantizationParams, ...ZeroPointOnMinBoundary,
 * ...ZeroPointOnMaxBoundary), with uint8 codes.
 */
class QuantSpecTest {

  private static final IntFormat U8 = IntFormat.unsigned(8);

  @Test
  void rangeMinusTenToThirtyMatchesTflite() {
    QuantSpec spec = QuantSpec.fromRange(-10.0, 30.0, U8);
    assertEquals(0.156863, spec.scale(), 1e-5);
    assertEquals(64, spec.zeroPoint());
  }

  @Test
  void zeroPointOnTheMinimumBoundaryMatchesTflite() {
    QuantSpec spec = QuantSpec.fromRange(0.0, 30.0, U8);
    assertEquals(0.117647, spec.scale(), 1e-5);
    assertEquals(0, spec.zeroPoint());
  }

  @Test
  void zeroPointOnTheMaximumBoundaryMatchesTflite() {
    QuantSpec spec = QuantSpec.fromRange(-10.0, 0.0, U8);
    assertEquals(0.039216, spec.scale(), 1e-5);
    assertEquals(255, spec.zeroPoint());
  }

  @Test
  void anEmptyOrInvertedRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> QuantSpec.fromRange(0.0, 0.0, U8));
    assertThrows(IllegalArgumentException.class, () -> QuantSpec.fromRange(10.0, -30.0, U8));
  }

  @Test
  void realZeroIsExactlyRepresentableInSignedFormats() {
    QuantSpec spec = QuantSpec.fromRange(-1.3, 2.9, IntFormat.signed(4));
    assertEquals(0.0, spec.dequantize(spec.quantize(0.0)));
    assertEquals(spec.format().min(), spec.quantize(-100));
    assertEquals(spec.format().max(), spec.quantize(100));
  }

  @Test
  void symmetricSpecMapsMaxAbsToTheLargestCode() {
    QuantSpec spec = QuantSpec.symmetricFromMaxAbs(2.54, 8);
    assertEquals(127, spec.quantize(2.54));
    assertEquals(-127, spec.quantize(-2.54));
    assertEquals(0, spec.zeroPoint());
  }
}
