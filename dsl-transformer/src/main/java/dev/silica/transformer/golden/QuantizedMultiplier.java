package dev.silica.transformer.golden;

/**
 * A real multiplier in TFLite's form: a Q31 fixed-point {@code multiplier} (value {@code
 * multiplier / 2^31}, normally in {@code [2^30, 2^31)} in magnitude) and a power-of-two exponent
 * {@code shift} (positive means a left shift), so the real value is {@code multiplier * 2^(shift -
 * 31)}. Produced by {@link QuantizeMultiplier}.
 *
 * @param multiplier the Q31 significand (0 for a zero multiplier)
 * @param shift the power-of-two exponent, positive to the left
 */
public record QuantizedMultiplier(int multiplier, int shift) {

  /** The real value this pair stands for. */
  public double realValue() {
    return Math.scalb((double) multiplier, shift - 31);
  }
}
