package dev.silica.transformer.accel;

import static dev.silica.dsl.Hw.cat;
import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.param;
import static dev.silica.dsl.Hw.regNext;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.UInt;
import dev.silica.transformer.golden.RestoringDivider;

/**
 * A radix-2 restoring divider unrolled into one pipeline stage per quotient bit, as {@link
 * RestoringDivider} computes it: {@code floor(n / d)} whenever the quotient fits {@code
 * quotientBits}. One division enters per cycle; its quotient and tag leave {@link #latency}
 * cycles later (an input register, then one stage per quotient bit), each stage one subtraction of
 * the divisor's width.
 */
public final class PipelinedDivider extends Module {

  public final Bool inValid;
  public final UInt numerator;
  public final UInt denominator;
  public final UInt tagIn;
  public final Bool outValid;
  public final UInt quotient;
  public final UInt tagOut;

  /** Cycles from a division's inputs to its quotient. */
  public static int latency(int quotientBits) {
    return quotientBits + 1;
  }

  public PipelinedDivider(int numeratorBits, int denominatorBits, int quotientBits, int tagBits) {
    param("n", numeratorBits);
    param("d", denominatorBits);
    param("q", quotientBits);
    param("tag", tagBits);
    inValid = input("in_valid", Bool.TYPE);
    numerator = input("numerator", UInt.of(numeratorBits));
    denominator = input("denominator", UInt.of(denominatorBits));
    tagIn = input("tag_in", UInt.of(tagBits));
    outValid = output("out_valid", Bool.TYPE);
    quotient = output("quotient", UInt.of(quotientBits));
    tagOut = output("tag_out", UInt.of(tagBits));

    // inputs registered first, so the caller's logic and the first stage are separate cycles
    UInt remainder = regNext("numerator_r", numerator.resize(Math.max(numeratorBits, quotientBits)));
    UInt divisor = regNext("denominator_r", denominator);
    Bool valid = regNext("valid_r", inValid);
    UInt tag = regNext("tag_r", tagIn);
    UInt bits = UInt.lit(0, quotientBits);
    int highBits = denominatorBits + 1;
    for (int i = quotientBits - 1; i >= 0; i--) {
      // the remainder is below d 2^(i+1), so its bits from i up fit d's width plus one: subtract d
      // from those alone (no borrow means it fits) and pass the low bits through
      UInt high = remainder.slice(remainder.width() - 1, i).resize(highBits);
      UInt difference = high.resize(highBits + 1).subWrap(divisor.resize(highBits + 1));
      Bool fits = difference.bit(highBits).not();
      UInt reduced = mux(fits, difference.resize(highBits), high);
      if (i > 0) {
        remainder = regNext("remainder_" + i, cat(reduced.resize(denominatorBits), remainder.slice(i - 1, 0)));
        divisor = regNext("divisor_" + i, divisor);
      }
      bits = regNext("quotient_" + i, mux(fits, bits.or(UInt.lit(1L << i, quotientBits)), bits));
      valid = regNext("valid_" + i, valid);
      tag = regNext("tag_" + i, tag);
    }
    outValid.connect(valid);
    quotient.connect(bits);
    tagOut.connect(tag);
  }

  @Override
  protected String moduleName() {
    return "Divider";
  }
}
