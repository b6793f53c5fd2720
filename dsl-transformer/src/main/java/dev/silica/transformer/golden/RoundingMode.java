package dev.silica.transformer.golden;

/**
 * How a {@link Requantizer} computes {@code round(acc * M)}.
 *
 * <p>{@link #SINGLE_ROUNDING} and {@link #ROUND_HALF_UP_SHIFT} share one formula, {@code (acc * m +
 * 2^(s-1)) >> s}; they differ in the multiplier: a normalized 31-bit Q31 significand for the first,
 * a narrow multiplier of a chosen width for the second. That narrow form is what a small FPGA
 * design spends on requantization, and its error is measured separately.
 */
public enum RoundingMode {
  /**
   * TFLite/gemmlowp: {@code SaturatingRoundingDoublingHighMul} then {@code RoundingDivideByPOT}.
   * Rounds twice (ties away from zero each time); the accumulator must fit int32.
   */
  DOUBLE_ROUNDING,
  /**
   * TFLite's single-rounding build: {@code (acc * m + 2^(s-1)) >> s} in 64 bits with the Q31
   * multiplier and {@code s = 31 - shift}; ties round toward plus infinity.
   */
  SINGLE_ROUNDING,
  /**
   * The multiply-shift of the published Spartan-7 integer-only Transformer (Ling, Qian, Schiele,
   * 2024): {@code M ~ m / 2^s} with an unsigned {@code m} of a chosen width, {@code (acc * m +
   * 2^(s-1)) >> s}, ties toward plus infinity (round half up).
   */
  ROUND_HALF_UP_SHIFT
}
