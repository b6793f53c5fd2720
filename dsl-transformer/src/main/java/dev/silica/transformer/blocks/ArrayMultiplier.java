package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.mux;

import dev.silica.dsl.SInt;

/**
 * A signed multiplier built from partial products, for fabric (LUT) multiplication: with {@code b =
 * -b_{n-1} 2^{n-1} + sum_{i<n-1} b_i 2^i}, the product is the sum of {@code b_i ? a << i : 0} for
 * the low bits minus {@code b_{n-1} ? a << (n-1) : 0}. Synthesis sees adders and multiplexers, no
 * {@code *}, so it never maps it to a DSP slice.
 */
final class ArrayMultiplier {

  private ArrayMultiplier() {}

  /** {@code a * b}, {@code a.width() + b.width()} bits wide. */
  static SInt multiply(SInt a, SInt b) {
    int width = a.width() + b.width();
    SInt zero = SInt.lit(0, width);
    SInt sum = zero;
    for (int i = 0; i < b.width(); i++) {
      SInt partial = mux(b.bit(i), a.shl(i).resize(width), zero);
      sum = (i == b.width() - 1 ? sum.sub(partial) : sum.add(partial)).resize(width);
    }
    return sum;
  }
}
