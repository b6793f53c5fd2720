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

  /**
   * The spec covering {@code [min, max]} (widened to include 0) with the whole format, as TFLite's
   * {@code ChooseQuantizationParams} chooses it: {@code scale = (max - min) / (qmax - qmin)}; the
   * zero point from whichever end loses less precision, rounded and clamped into the format, so
   * that real 0 is exactly representable.
   */
  public static QuantSpec fromRange(double min, double max, IntFormat format) {
    Preconditions.checkArgument(min <= max, "empty range [%s, %s]", min, max);
    double rmin = Math.min(min, 0);
    double rmax = Math.max(max, 0);
    Preconditions.checkArgument(rmax > rmin, "the range [%s, %s] has no width", min, max);
    double qmin = format.min();
    double qmax = format.max();
    double scale = (rmax - rmin) / (qmax - qmin);
    double fromMin = qmin - rmin / scale;
    double fromMax = qmax - rmax / scale;
    double errorMin = Math.abs(qmin) + Math.abs(rmin / scale);
    double errorMax = Math.abs(qmax) + Math.abs(rmax / scale);
    double zeroPoint = errorMin < errorMax ? fromMin : fromMax;
    long nudged = format.saturate(QuantizeMultiplier.roundHalfAwayFromZero(zeroPoint));
    return new QuantSpec(scale, (int) nudged, format);
  }

  /** A symmetric signed spec whose largest code {@code 2^(bits-1) - 1} stands for {@code maxAbs}. */
  public static QuantSpec symmetricFromMaxAbs(double maxAbs, int bits) {
    Preconditions.checkArgument(maxAbs > 0 && Double.isFinite(maxAbs), "maxAbs must be positive, got %s", maxAbs);
    return symmetric(maxAbs / ((1L << (bits - 1)) - 1), bits);
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
