package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.param;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import java.util.Locale;

/**
 * One output-stationary processing element: every cycle it adds the product {@code a_in * b_in}
 * of the previous cycle (multiply and accumulate are two pipeline stages) to its accumulator
 * (restarting from the product when {@code first} comes with it) and passes {@code a} and {@code
 * first} right and {@code b} down through one register each. Bubbles carry zeros, so
 * an idle element keeps its sum. With {@code shiftBits > 0} a {@code shift} flag travels with
 * {@code a} and scales the sum by {@code 2^shiftBits} before the product is added.
 */
public final class ProcessingElement extends Module {

  public final SInt aIn;
  public final SInt bIn;
  public final Bool firstIn;
  public final SInt aOut;
  public final SInt bOut;
  public final Bool firstOut;
  public final SInt acc;
  /** The shift flag in and out; null for an element that does not shift its sum. */
  public final Bool shiftIn;
  public final Bool shiftOut;

  public ProcessingElement(int aBits, int bBits, int accBits, MultiplierKind kind, int shiftBits) {
    param("a", aBits);
    param("b", bBits);
    param("acc", accBits);
    param(kind.name().toLowerCase(Locale.ROOT), 1);
    if (shiftBits > 0) {
      param("shift", shiftBits);
    }
    aIn = input("a_in", SInt.of(aBits));
    bIn = input("b_in", SInt.of(bBits));
    firstIn = input("first_in", Bool.TYPE);
    aOut = output("a_out", SInt.of(aBits));
    bOut = output("b_out", SInt.of(bBits));
    firstOut = output("first_out", Bool.TYPE);
    acc = output("acc", SInt.of(accBits));
    shiftIn = shiftBits > 0 ? input("shift_in", Bool.TYPE) : null;
    shiftOut = shiftBits > 0 ? output("shift_out", Bool.TYPE) : null;

    SInt product = regNext("product_r", kind == MultiplierKind.LUT ? ArrayMultiplier.multiply(aIn, bIn) : aIn.mul(bIn));
    Bool first = regNext("first_r", firstIn);
    Bool shift = shiftBits > 0 ? regNext("shift_r", shiftIn) : null;
    SInt sum = reg("sum", SInt.of(accBits));
    SInt base = shiftBits > 0 ? mux(shift, sum.shl(shiftBits).resize(accBits), sum) : sum;
    sum.connect(mux(first, product.resize(accBits), base.add(product).resize(accBits)));
    acc.connect(sum);
    aOut.connect(regNext("a_r", aIn));
    bOut.connect(regNext("b_r", bIn));
    firstOut.connect(first);
    if (shiftBits > 0) {
      shiftOut.connect(shift);
    }
  }

  @Override
  protected String moduleName() {
    return "Pe";
  }
}
