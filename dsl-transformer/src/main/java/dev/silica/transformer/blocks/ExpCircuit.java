package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.rom;

import dev.silica.dsl.UInt;
import dev.silica.transformer.golden.ExpLut;
import dev.silica.transformer.golden.IExp;
import dev.silica.transformer.golden.IntExp;
import dev.silica.transformer.golden.IntFormat;

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
    return IntFormat.unsignedFor(exp.maxValue()).bits();
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
    int qBits = IntFormat.unsignedFor(maxQ).bits();
    UInt q = delta.shl(exp.preShift()).resize(qBits);
    UInt z = q.mul(UInt.lit(reciprocal.multiplier(), IntFormat.unsignedFor(reciprocal.multiplier()).bits()))
        .shr(reciprocal.shift());
    int zBits = IntFormat.unsignedFor(maxQ / x0).bits();
    UInt zNarrow = z.resize(zBits);
    UInt rest = q.sub(zNarrow.mul(UInt.lit(x0, IntFormat.unsignedFor(x0).bits()))).resize(
        IntFormat.unsignedFor(x0).bits());
    int baseBits = IntFormat.unsignedFor(exp.b()).bits();
    UInt base = UInt.lit(exp.b(), baseBits).sub(rest.resize(baseBits)).resize(baseBits);
    int polyBits = width(exp);
    UInt poly = base.mul(base).add(UInt.lit(exp.c(), IntFormat.unsignedFor(exp.c()).bits())).resize(polyBits);
    return poly.shr(zNarrow);
  }
}
