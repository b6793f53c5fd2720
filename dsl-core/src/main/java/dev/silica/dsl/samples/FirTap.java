package dev.silica.dsl.samples;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.param;
import static dev.silica.dsl.Hw.reg;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;

/**
 * One tap of a transposed-form FIR filter: on each enabled clock edge {@code sum_out} takes
 * {@code x * coeff + sum_in}. The coefficient is an input, so every tap of a filter is the same
 * module.
 */
public final class FirTap extends Module {

  public final SInt x;
  public final SInt coeff;
  public final SInt sumIn;
  public final Bool enable;
  public final SInt sumOut;

  public FirTap(int xBits, int coeffBits, int accBits) {
    param("x", xBits);
    param("c", coeffBits);
    param("acc", accBits);
    x = input("x", SInt.of(xBits));
    coeff = input("coeff", SInt.of(coeffBits));
    sumIn = input("sum_in", SInt.of(accBits));
    enable = input("en", Bool.TYPE);
    sumOut = output("sum_out", SInt.of(accBits));

    SInt product = x.mul(coeff).resize(accBits);
    SInt sum = reg("sum", SInt.of(accBits), 0, enable);
    sum.connect(product.addWrap(sumIn));
    sumOut.connect(sum);
  }
}
