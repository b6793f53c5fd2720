package dev.silica.dsl.samples;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.output;

import com.google.common.collect.ImmutableList;
import com.google.common.math.IntMath;
import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A transposed-form FIR filter, {@code y[n+1] = sum_k coeffs[k] * x[n-k]}, one {@link FirTap}
 * instance per coefficient. The sum is wide enough never to overflow: input bits + coefficient bits
 * + ceil(log2(taps)).
 */
public final class Fir extends Module {

  public final SInt x;
  public final Bool enable;
  public final SInt y;
  public final List<FirTap> taps = new ArrayList<>();

  public Fir(int bits, ImmutableList<Integer> coeffs) {
    int coeffBits = coeffs.stream().mapToInt(Fir::signedBits).max().orElse(1);
    int accBits = bits + coeffBits + IntMath.log2(coeffs.size(), RoundingMode.CEILING);
    x = input("x", SInt.of(bits));
    enable = input("en", Bool.TYPE);
    y = output("y", SInt.of(accBits));

    SInt carry = SInt.lit(0, accBits);
    for (int k = coeffs.size() - 1; k >= 0; k--) {
      FirTap tap = instance("tap" + k, () -> new FirTap(bits, coeffBits, accBits));
      tap.x.connect(x);
      tap.coeff.connect(SInt.lit(coeffs.get(k), coeffBits));
      tap.sumIn.connect(carry);
      tap.enable.connect(enable);
      carry = tap.sumOut;
      taps.add(0, tap);
    }
    y.connect(carry);
  }

  /** The bits of the narrowest signed type holding {@code value}. */
  static int signedBits(int value) {
    return BigInteger.valueOf(value).bitLength() + 1;
  }
}
