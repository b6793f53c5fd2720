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
 * One output-stationary processing element: every cycle it adds {@code a_in * b_in} to its
 * accumulator (restarting from the product when {@code first_in} is high) and passes {@code a}
 * and {@code first} right and {@code b} down through one register each. Bubbles carry zeros, so
 * an idle element keeps its sum.
 */
public final class ProcessingElement extends Module {

  public final SInt aIn;
  public final SInt bIn;
  public final Bool firstIn;
  public final SInt aOut;
  public final SInt bOut;
  public final Bool firstOut;
  public final SInt acc;

  public ProcessingElement(int aBits, int bBits, int accBits, MultiplierKind kind) {
    param("a", aBits);
    param("b", bBits);
    param("acc", accBits);
    param(kind.name().toLowerCase(Locale.ROOT), 1);
    aIn = input("a_in", SInt.of(aBits));
    bIn = input("b_in", SInt.of(bBits));
    firstIn = input("first_in", Bool.TYPE);
    aOut = output("a_out", SInt.of(aBits));
    bOut = output("b_out", SInt.of(bBits));
    firstOut = output("first_out", Bool.TYPE);
    acc = output("acc", SInt.of(accBits));

    SInt product = kind == MultiplierKind.LUT ? ArrayMultiplier.multiply(aIn, bIn) : aIn.mul(bIn);
    SInt sum = reg("sum", SInt.of(accBits));
    sum.connect(mux(firstIn, product.resize(accBits), sum.add(product).resize(accBits)));
    acc.connect(sum);
    aOut.connect(regNext("a_r", aIn));
    bOut.connect(regNext("b_r", bIn));
    firstOut.connect(regNext("first_r", firstIn));
  }

  @Override
  protected String moduleName() {
    return "Pe";
  }
}
