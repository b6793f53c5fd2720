package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.cat;
import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.param;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;

/**
 * Two output-stationary processing elements of neighbouring columns in one multiplier: both see
 * the same {@code a} in the same cycle, so {@code a * (b_hi 2^S + b_lo)} accumulates both dot
 * products in one {@link DspPacking} accumulator. {@code hi} and {@code lo} are read out with the
 * sign correction. Pass-through registers as in {@link ProcessingElement}.
 */
public final class PackedProcessingElement extends Module {

  public final SInt aIn;
  public final SInt bHiIn;
  public final SInt bLoIn;
  public final Bool firstIn;
  public final SInt aOut;
  public final SInt bHiOut;
  public final SInt bLoOut;
  public final Bool firstOut;
  public final SInt hi;
  public final SInt lo;

  public PackedProcessingElement(DspPacking packing) {
    int aBits = packing.shared().bits();
    int bBits = packing.packed().bits();
    int s = packing.fieldShift();
    int accBits = packing.accumulatorBits();
    param("a", aBits);
    param("b", bBits);
    param("s", s);
    aIn = input("a_in", SInt.of(aBits));
    bHiIn = input("b_hi_in", SInt.of(bBits));
    bLoIn = input("b_lo_in", SInt.of(bBits));
    firstIn = input("first_in", Bool.TYPE);
    aOut = output("a_out", SInt.of(aBits));
    bHiOut = output("b_hi_out", SInt.of(bBits));
    bLoOut = output("b_lo_out", SInt.of(bBits));
    firstOut = output("first_out", Bool.TYPE);
    hi = output("hi", SInt.of(s));
    lo = output("lo", SInt.of(s));

    SInt packed = bHiIn.shl(s).add(bLoIn).resize(packing.packedWordBits()).named("packed");
    SInt product = aIn.mul(packed);
    SInt sum = reg("sum", SInt.of(accBits));
    sum.connect(mux(firstIn, product.resize(accBits), sum.add(product).resize(accBits)));
    lo.connect(sum.slice(s - 1, 0).asSInt());
    SInt borrow = cat(UInt.lit(0, 1), sum.bit(s - 1)).asSInt();
    hi.connect(sum.shr(s).add(borrow).resize(s));
    aOut.connect(regNext("a_r", aIn));
    bHiOut.connect(regNext("b_hi_r", bHiIn));
    bLoOut.connect(regNext("b_lo_r", bLoIn));
    firstOut.connect(regNext("first_r", firstIn));
  }

  @Override
  protected String moduleName() {
    return "PackedPe";
  }
}
