package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * How a tensor's real values map to integer codes: {@code real = scale * (code - zeroPoint)},
 * codes in {@code format}. Quantizing rounds half away from zero and saturates.
 *
 * @param scale the real value of one code step, positive
 * @param zeroPoint the code of real zero
 * @param format the codes' format
 */
public record QuantSpec(double scale, int zeroPoint, IntFormat format) {

  public QuantSpec {
    Preconditions.checkArgument(scale > 0 && Double.isFinite(scale), "scale must be positive, got %s", scale);
    Preconditions.checkArgument(format.contains(zeroPoint), "zero point %s outside %s", zeroPoint, format);
  }

  /** A symmetric signed spec: zero point 0, {@code bits} bits. */
  public static QuantSpec symmetric(double scale, int bits) {
    return new QuantSpec(scale, 0, IntFormat.signed(bits));
  }

  /** The code nearest {@code real}, saturated. */
  public int quantize(double real) {
    return (int) format.saturate(QuantizeMultiplier.roundHalfAwayFromZero(real / scale) + zeroPoint);
  }

  /** The real value of {@code code}. */
  public double dequantize(long code) {
    return scale * (code - zeroPoint);
  }
}
