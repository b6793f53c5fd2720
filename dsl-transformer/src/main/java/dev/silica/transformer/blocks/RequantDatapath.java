package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.mux;

import dev.silica.dsl.Bool;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.transformer.golden.DyadicMultiplier;
import dev.silica.transformer.golden.QuantizedMultiplier;
import dev.silica.transformer.golden.Requantizer;
import dev.silica.transformer.golden.RoundingMode;

/**
 * The requantizer's arithmetic as hardware, in two halves around one pipeline register: {@link
 * #multiply} (the only multiplier, DSP-friendly) and {@link #finish} (rounding shift, zero point,
 * saturation). Mirrors {@link Requantizer} for every {@link RoundingMode}; the integer constants
 * come from the golden requantizer, the arithmetic is built here.
 */
public final class RequantDatapath {

  private final Requantizer golden;

  public RequantDatapath(Requantizer golden) {
    this.golden = golden;
  }

  /**
   * First half: the product of the accumulator and the multiplier. Double rounding first wraps the
   * accumulator's left shift to 32 bits, as gemmlowp does.
   */
  public SInt multiply(SInt acc) {
    if (golden.mode() == RoundingMode.DOUBLE_ROUNDING) {
      QuantizedMultiplier q31 = golden.q31Multiplier();
      SInt x = acc.shl(Math.max(q31.shift(), 0)).resize(32);
      return x.mul(SInt.lit(q31.multiplier(), 32));
    }
    DyadicMultiplier m = golden.dyadicMultiplier();
    return acc.mul(SInt.lit(m.multiplier(), m.multiplierBits() + 1));
  }

  /** Second half: from the registered product to the saturated output code. */
  public SInt finish(SInt product, int outBits) {
    SInt scaled = golden.mode() == RoundingMode.DOUBLE_ROUNDING ? doubleRounding(product)
        : roundingShiftRight(product, golden.dyadicMultiplier().shift());
    return scaled.add(golden.zeroPoint()).saturate(outBits);
  }

  /** {@code (value + 2^(shift-1)) >> shift}: round half up. */
  static SInt roundingShiftRight(SInt value, int shift) {
    return shift == 0 ? value : value.add(1L << (shift - 1)).shr(shift);
  }

  /**
   * gemmlowp's SaturatingRoundingDoublingHighMul on the 64-bit product {@code ab}, then
   * RoundingDivideByPOT. The high word fits 32 bits except for {@code MIN * MIN}, which gemmlowp
   * saturates: saturating the high word to 32 bits is exactly that.
   */
  private SInt doubleRounding(SInt ab) {
    Bool negative = ab.lt(0);
    SInt nudged = ab.add(mux(negative, SInt.lit(1 - (1L << 30), 32), SInt.lit(1L << 30, 32)));
    // divide by 2^31 truncating toward zero: floor above zero, floor((v + 2^31 - 1) / 2^31) below
    SInt high = mux(nudged.lt(0), nudged.add((1L << 31) - 1).shr(31), nudged.add(0).shr(31)).saturate(32);
    int exponent = Math.max(-golden.q31Multiplier().shift(), 0);
    if (exponent == 0) {
      return high;
    }
    UInt remainder = high.slice(exponent - 1, 0);
    long half = ((1L << exponent) - 1) >> 1;
    UInt threshold = mux(high.lt(0), UInt.lit(half + 1, exponent), UInt.lit(half, exponent));
    SInt quotient = high.shr(exponent);
    return mux(remainder.gt(threshold), quotient.add(SInt.lit(1, 2)), quotient.add(SInt.lit(0, 2)));
  }
}
