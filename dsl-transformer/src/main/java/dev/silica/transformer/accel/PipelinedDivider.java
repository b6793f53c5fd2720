package dev.silica.transformer.accel;

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
 * quotientBits}. One division enters per cycle; its quotient and tag leave {@code quotientBits}
 * cycles later.
 */
public final class PipelinedDivider extends Module {

  public final Bool inValid;
  public final UInt numerator;
  public final UInt denominator;
  public final UInt tagIn;
  public final Bool outValid;
  public final UInt quotient;
  public final UInt tagOut;

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

    UInt remainder = numerator;
    UInt divisor = denominator;
    UInt bits = UInt.lit(0, quotientBits);
    Bool valid = inValid;
    UInt tag = tagIn;
    for (int i = quotientBits - 1; i >= 0; i--) {
      // one subtraction decides and reduces: no borrow means d 2^i fits the remainder
      UInt trial = divisor.shl(i);
      int width = Math.max(remainder.width(), trial.width()) + 1;
      UInt difference = remainder.resize(width).subWrap(trial.resize(width));
      Bool fits = difference.bit(width - 1).not();
      // below d 2^i afterwards, so narrower from here on
      int kept = Math.min(remainder.width(), denominatorBits + i);
      if (i > 0) {
        remainder = regNext("remainder_" + i, mux(fits, difference, remainder.resize(width)).resize(kept));
      }
      bits = regNext("quotient_" + i, mux(fits, bits.or(UInt.lit(1L << i, quotientBits)), bits));
      if (i > 0) {
        divisor = regNext("divisor_" + i, divisor);
      }
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
