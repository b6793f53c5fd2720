package dev.silica.dsl.samples;

import com.google.common.collect.ImmutableList;
import com.google.common.math.IntMath;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import java.util.stream.IntStream;

/** The {@code fir} generator: a transposed-form {@link Fir} filter with one submodule per tap. */
public final class FirGenerator implements Generator {

  static final String BINOMIAL = "binomial";
  /** The longest binomial row whose coefficients all fit an int. */
  static final int MAX_BINOMIAL_TAPS = 31;

  @Override
  public String name() {
    return "fir";
  }

  @Override
  public String description() {
    return "A transposed-form FIR filter with signed coefficients and one submodule per tap.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("taps", "4", "number of coefficients (1..64)"),
        new Param("bits", "8", "bits of the signed input samples (1..32)"),
        new Param(
            "coeffs",
            BINOMIAL,
            "comma-separated signed coefficients, one per tap, or 'binomial' for the binomial smoothing filter"));
  }

  @Override
  public Design elaborate(Params p) {
    int taps = p.getInt("taps", 1, 64);
    int bits = p.getInt("bits", 1, 32);
    boolean binomial = p.getString("coeffs").trim().equals(BINOMIAL);
    if (binomial && taps > MAX_BINOMIAL_TAPS) {
      throw ParameterError.invalid(
          "taps", p.getString("taps"), "at most " + MAX_BINOMIAL_TAPS + " for binomial coefficients, or explicit coeffs");
    }
    ImmutableList<Integer> coeffs = binomial ? binomial(taps) : p.getIntList("coeffs");
    if (coeffs.size() != taps) {
      throw ParameterError.invalid(
          "coeffs", p.getString("coeffs"), taps + " comma-separated integers (one per tap), not " + coeffs.size());
    }
    return Elaborator.elaborate(() -> new Fir(bits, coeffs), p.designAttributes());
  }

  /** Row {@code taps - 1} of Pascal's triangle: 1, 3, 3, 1 for four taps. */
  static ImmutableList<Integer> binomial(int taps) {
    return IntStream.range(0, taps)
        .mapToObj(k -> IntMath.binomial(taps - 1, k))
        .collect(ImmutableList.toImmutableList());
  }
}
