package dev.silica.transformer.accel;

import static dev.silica.dsl.Hw.cat;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.regNext;

import dev.silica.dsl.Bool;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Widths;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic cut into pipeline stages short enough for the accelerator's clock: a wide addition
 * over two stages, a registered adder tree, and the round-half-up right shift by a run-time
 * amount as a shift, a clamp and a narrow addition.
 */
final class Pipelining {

  private Pipelining() {}

  /**
   * {@code a + b} (exact, one bit wider than the wider operand), registered two edges later: the
   * low halves and their carry in the first stage, the high halves plus that carry in the second.
   */
  static SInt add(String name, SInt a, SInt b) {
    int width = Math.max(a.width(), b.width()) + 1;
    int low = width / 2;
    UInt x = a.resize(width).asUInt();
    UInt y = b.resize(width).asUInt();
    UInt lowSum = regNext(name + "_low", x.slice(low - 1, 0).add(y.slice(low - 1, 0)));
    UInt xHigh = regNext(name + "_x_high", x.slice(width - 1, low));
    UInt yHigh = regNext(name + "_y_high", y.slice(width - 1, low));
    // (2 x + 1) + (2 y + carry) = 2 (x + y + carry) + 1: one adder takes the carry in
    UInt carry = lowSum.slice(low, low);
    UInt high = cat(xHigh, UInt.lit(1, 1)).addWrap(cat(yHigh, carry)).slice(width - low, 1);
    return regNext(name, cat(high, lowSum.slice(low - 1, 0)).asSInt());
  }

  /** Registered levels of {@link #sumTree} over {@code n} values. */
  static int treeLevels(int n) {
    return Widths.log2Ceil(n);
  }

  /** The sum of {@code values}, added pairwise with a register after each level of the tree. */
  static SInt sumTree(String name, List<SInt> values) {
    List<SInt> level = values;
    for (int depth = 1; level.size() > 1; depth++) {
      List<SInt> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        SInt sum = i + 1 < level.size() ? level.get(i).add(level.get(i + 1)) : level.get(i).resize(level.get(i).width() + 1);
        next.add(regNext(name + "_" + depth + "_" + i / 2, sum));
      }
      level = next;
    }
    return level.get(0);
  }

  /**
   * The first step of {@code round_half_up(value / 2^shift)}: {@code floor(2 value / 2^shift)}, to be
   * {@link #clamp clamped} (in the next stage) and completed by {@link #roundingFinish}, since
   * {@code round_half_up(v / 2^s) = floor((floor(2v / 2^s) + 1) / 2)}. Clamping to {@code b + 3}
   * bits changes nothing a caller keeps when it saturates the final result to {@code b} bits.
   */
  static SInt halfShift(SInt value, UInt shift) {
    return value.shl(1).sra(shift);
  }

  /** The second half: {@code floor((x + 1 + 2 offset) / 2)}, i.e. the rounded value plus {@code offset}. */
  static SInt roundingFinish(SInt halfShifted, SInt doubledOffsetPlusOne) {
    return halfShifted.add(doubledOffsetPlusOne).shr(1);
  }

  /** {@code value} clamped into {@code bits} signed bits, deciding by its top bits alone (no carry chain). */
  static SInt clamp(SInt value, int bits) {
    if (value.width() <= bits) {
      return value.resize(bits);
    }
    UInt top = value.asUInt().slice(value.width() - 1, bits - 1);
    Bool negative = value.bit(value.width() - 1);
    Bool above = negative.not().and(top.orR());
    Bool below = negative.and(top.andR().not());
    SInt max = SInt.lit((1L << (bits - 1)) - 1, bits);
    SInt min = SInt.lit(-(1L << (bits - 1)), bits);
    return mux(above, max, mux(below, min, value.resize(bits)));
  }
}
