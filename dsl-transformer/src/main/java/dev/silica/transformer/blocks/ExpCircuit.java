package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.rom;

import dev.silica.dsl.UInt;
import dev.silica.dsl.Widths;
import dev.silica.transformer.golden.ExpLut;
import dev.silica.transformer.golden.IExp;
import dev.silica.transformer.golden.IntExp;

/**
 * The combinational exponential of a softmax: {@code e = exp(-delta S)} up to a constant factor, for
 * an unsigned difference {@code delta = max - x}, bit for bit as the golden {@link IntExp}.
 *
 * <ul>
 *   <li>{@link ExpLut}: a combinational ROM read (LUTs).
 *   <li>{@link IExp}: I-BERT's i-exp: {@code q = delta << k}, {@code z = floor(q / |x0|)} by a
 *       {@link ReciprocalConstant} multiply, {@code r = q - |x0| z}, {@code ((b - r)^2 + c) >> z}
 *       (the shift gives 0 once {@code z} reaches the polynomial's width, as the golden does).
 * </ul>
 */
final class ExpCircuit {

  private ExpCircuit() {}

  /** The width of the values {@code exp} produces. */
  static int width(IntExp exp) {
    return Widths.unsignedBits(exp.maxValue());
  }

  /** {@code exp(delta)} for {@code delta} in {@code 0 .. exp.maxDelta()}. */
  static UInt of(IntExp exp, UInt delta) {
    if (exp instanceof ExpLut lut) {
      long[] table = new long[lut.maxDelta() + 1];
      for (int k = 0; k < table.length; k++) {
        table[k] = lut.entry(k);
      }
      return rom("exp_table", UInt.of(width(exp)), table).read(delta);
    }
    if (exp instanceof IExp iexp) {
      return iExp(iexp, delta);
    }
    throw new IllegalArgumentException("no circuit for the exponential " + exp.getClass().getSimpleName());
  }

  private static UInt iExp(IExp exp, UInt delta) {
    long x0 = -exp.x0();
    long maxQ = (long) exp.maxDelta() << exp.preShift();
    ReciprocalConstant reciprocal = ReciprocalConstant.of(x0, maxQ);
    int qBits = Widths.unsignedBits(maxQ);
    UInt q = delta.shl(exp.preShift()).resize(qBits);
    UInt z = q.mul(UInt.lit(reciprocal.multiplier(), Widths.unsignedBits(reciprocal.multiplier())))
        .shr(reciprocal.shift());
    int zBits = Widths.unsignedBits(maxQ / x0);
    UInt zNarrow = z.resize(zBits);
    UInt rest = q.sub(zNarrow.mul(UInt.lit(x0, Widths.unsignedBits(x0)))).resize(
        Widths.unsignedBits(x0));
    int baseBits = Widths.unsignedBits(exp.b());
    UInt base = UInt.lit(exp.b(), baseBits).sub(rest.resize(baseBits)).resize(baseBits);
    int polyBits = width(exp);
    UInt poly = base.mul(base).add(UInt.lit(exp.c(), Widths.unsignedBits(exp.c()))).resize(polyBits);
    return poly.shr(zNarrow);
  }
}
