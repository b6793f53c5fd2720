package dev.silica.dsl.samples;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;

/**
 * A signed multiply-accumulate unit: on each clock edge with {@code valid} high it adds {@code a *
 * b} to the sum {@code acc} (wrapping at {@code accBits}); {@code clear} restarts the sum from this
 * cycle's product (or from 0 when {@code valid} is low).
 */
public final class Mac extends Module {

  public final SInt a;
  public final SInt b;
  public final Bool valid;
  public final Bool clear;
  public final SInt acc;

  public Mac(int aBits, int bBits, int accBits) {
    a = input("a", SInt.of(aBits));
    b = input("b", SInt.of(bBits));
    valid = input("valid", Bool.TYPE);
    clear = input("clear", Bool.TYPE);
    acc = output("acc", SInt.of(accBits));

    SInt sum = reg("sum", SInt.of(accBits));
    SInt product = a.mul(b).resize(accBits);
    when(clear, () -> sum.connect(mux(valid, product, SInt.lit(0, accBits))))
        .elseWhen(valid, () -> sum.connect(sum.addWrap(product)));
    acc.connect(sum);
  }
}
