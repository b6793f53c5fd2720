package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.mux;

import dev.silica.dsl.Bool;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed multiplier for fabric (LUT) multiplication: radix-4 Booth recoding of {@code b} into
 * digits {@code d_j = -2 b_{2j+1} + b_{2j} + b_{2j-1}} in {@code -2..2}, one partial product {@code
 * d_j a 2^{2j}} per digit (negative ones as a ones' complement plus a correction bit), the partial
 * products and corrections reduced by carry-save adders to two, and one carry-propagate adder. All
 * sums are taken modulo {@code 2^(A+B)}, which holds the exact product. Synthesis sees adders,
 * multiplexers and bitwise logic, no {@code *}, so it never maps it to a DSP slice; the logic depth
 * is about that of one adder of the product's width.
 */
final class ArrayMultiplier {

  private ArrayMultiplier() {}

  /** {@code a * b}, {@code a.width() + b.width()} bits wide. */
  static SInt multiply(SInt a, SInt b) {
    int width = a.width() + b.width();
    int digits = (b.width() + 1) / 2;
    SInt recoded = b.resize(2 * digits);
    UInt zero = UInt.lit(0, width);
    UInt once = a.resize(width).asUInt();
    UInt twice = a.shl(1).resize(width).asUInt();
    List<UInt> terms = new ArrayList<>();
    UInt corrections = zero;
    for (int j = 0; j < digits; j++) {
      Bool high = recoded.bit(2 * j + 1);
      Bool middle = recoded.bit(2 * j);
      Bool low = j == 0 ? Bool.lit(false) : recoded.bit(2 * j - 1);
      Bool one = middle.xor(low);
      Bool two = high.and(middle.not()).and(low.not()).or(high.not().and(middle).and(low));
      UInt magnitude = mux(one, once, mux(two, twice, zero));
      terms.add(mux(high, magnitude.not(), magnitude).shl(2 * j).resize(width));
      corrections = corrections.or(high.asUInt().resize(width).shl(2 * j).resize(width));
    }
    terms.add(corrections);
    while (terms.size() > 2) {
      UInt x = terms.remove(0);
      UInt y = terms.remove(0);
      UInt z = terms.remove(0);
      terms.add(x.xor(y).xor(z));
      terms.add(x.and(y).or(x.and(z)).or(y.and(z)).shl(1).resize(width));
    }
    return terms.get(0).addWrap(terms.get(1)).asSInt();
  }
}
