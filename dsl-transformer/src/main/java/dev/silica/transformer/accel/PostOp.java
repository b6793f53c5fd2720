package dev.silica.transformer.accel;

/**
 * The element-wise chain the vector unit applies to each drained accumulator, every step optional
 * but the first: add the bias, requantize, ReLU, add the positional encoding, residual add with an
 * activation read back from memory, folded BatchNorm. Unused steps pass the value through; their
 * parameters are 0.
 *
 * @param bias whether a bias is added ({@code bias[biasBase + channel]})
 * @param biasBase the channel-0 entry of the bias ROM
 * @param requantize whether the sum is requantized; without, the sum itself is the result
 *     (the head's accumulator)
 * @param multiplier requantizer multiplier {@code m} (Q31 significand)
 * @param shift requantizer right shift {@code s}: {@code (acc m + 2^(s-1)) >> s}
 * @param zeroPoint the requantized output's zero point, also ReLU's floor
 * @param relu whether the requantized code is clamped below at {@code zeroPoint}
 * @param positional whether {@code pe[t][channel]} is added (saturating)
 * @param residual whether the residual add runs, the read-back operand being {@code a}
 * @param zeroA zero point of the read-back operand
 * @param multiplierA its rescaling multiplier
 * @param zeroB zero point of the chain's value
 * @param multiplierB its rescaling multiplier
 * @param guardBits the residual sum's rounding shift
 * @param zeroOut the residual output's zero point
 * @param norm whether the folded BatchNorm runs ({@code (y A_c + B_c + 2^(n-1)) >> n})
 * @param normBase the channel-0 entry of the normalization ROMs
 * @param normShift {@code n}
 */
public record PostOp(boolean bias, int biasBase, boolean requantize, long multiplier, int shift, int zeroPoint,
    boolean relu, boolean positional, boolean residual, int zeroA, long multiplierA, int zeroB, long multiplierB,
    int guardBits, int zeroOut, boolean norm, int normBase, int normShift) {

  /** {@code 2^(shift-1)}, or 0 for no shift: the round-half-up constant of a right shift. */
  public static long half(int shift) {
    return shift == 0 ? 0 : 1L << (shift - 1);
  }
}
