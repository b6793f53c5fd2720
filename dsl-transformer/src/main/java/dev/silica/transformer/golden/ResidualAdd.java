package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Golden residual add of two tensors with different quantizations: each operand is rescaled to
 * the output's scale by its own dyadic multiplier and shift, the two are added and saturated:
 * {@code y = clamp(round((t_a + t_b) / 2^G) + zp_y)} with {@code t_a = round((a - zp_a) m_a /
 * 2^n_a)}, {@code m_a / 2^n_a ~ S_a / S_y 2^G} (likewise {@code b}). {@code G} guard bits keep a
 * fraction of each rescaled operand so the sum is rounded once; with {@code G = 0} each operand is
 * rounded on its own. {@link #singleRounding} takes shift-free multipliers {@code m_a = round(S_a /
 * S_y 2^G)}: the products are exact, summed in a wide accumulator with {@code G} fraction bits and
 * rounded once, so the result is the rounded real sum unless it lies within about {@code 2^-G}
 * output steps of a rounding tie.
 *
 * <h2>Measured error</h2>
 *
 * <p>Against the real sum of the two dequantized operands, in output LSB ({@code
 * ElementwiseTest}: scales 0.7, 1.3 and 1.5 times 4/2^(b-1), zero points 1, -2 and 0, 50,000
 * uniformly random code pairs, 16-bit multipliers or {@link #singleRounding}'s, seed 33):
 *
 * <table>
 *   <caption>Residual add max abs error (mean abs)</caption>
 *   <tr><th>guard bits G</th><th>4 bits</th><th>6 bits</th><th>8 bits</th></tr>
 *   <tr><td>30, single rounding</td><td>0.4667 (0.222)</td><td>0.4667 (0.231)</td><td>0.4667 (0.232)</td></tr>
 *   <tr><td>4</td><td>0.5333 (0.224)</td><td>0.5333 (0.233)</td><td>0.5333 (0.234)</td></tr>
 *   <tr><td>0</td><td>0.9333 (0.298)</td><td>0.9333 (0.307)</td><td>0.9333 (0.310)</td></tr>
 * </table>
 */
public final class ResidualAdd {

  /** The most guard bits: a 9-bit operand times a multiplier of a few times {@code 2^30} fits 64 bits. */
  public static final int MAX_GUARD_BITS = 30;

  private final QuantSpec a;
  private final QuantSpec b;
  private final QuantSpec output;
  private final DyadicMultiplier multiplierA;
  private final DyadicMultiplier multiplierB;
  private final int guardBits;

  /**
   * @param multiplierBits unsigned width of each operand's multiplier
   * @param guardBits {@code G}
   */
  public ResidualAdd(QuantSpec a, QuantSpec b, QuantSpec output, int multiplierBits, int guardBits) {
    this(a, b, output, DyadicMultiplier.of(Math.scalb(a.scale() / output.scale(), guardBits), multiplierBits),
        DyadicMultiplier.of(Math.scalb(b.scale() / output.scale(), guardBits), multiplierBits), guardBits);
  }

  /**
   * The single-rounding residual add: shift-free multipliers {@code round(S / S_y 2^G)} for both
   * operands, so the one rounding is that of the sum.
   */
  public static ResidualAdd singleRounding(QuantSpec a, QuantSpec b, QuantSpec output, int guardBits) {
    return new ResidualAdd(a, b, output, integerMultiplier(a.scale() / output.scale(), guardBits),
        integerMultiplier(b.scale() / output.scale(), guardBits), guardBits);
  }

  private static DyadicMultiplier integerMultiplier(double ratio, int guardBits) {
    long multiplier = Math.round(Math.scalb(ratio, guardBits));
    if (multiplier <= 0) {
      throw new IllegalArgumentException(
          String.format("scale ratio %s rounds to zero with %d guard bits", ratio, guardBits));
    }
    return new DyadicMultiplier(multiplier, 0);
  }

  /** A residual add with its multipliers already derived (as read back from a model file). */
  public ResidualAdd(QuantSpec a, QuantSpec b, QuantSpec output, DyadicMultiplier multiplierA,
      DyadicMultiplier multiplierB, int guardBits) {
    Preconditions.checkArgument(guardBits >= 0 && guardBits <= MAX_GUARD_BITS, "guard bits must be 0..%s, got %s",
        MAX_GUARD_BITS, guardBits);
    Preconditions.checkArgument(productBits(a, multiplierA) < 62 && productBits(b, multiplierB) < 62,
        "a rescaled operand would overflow 62 bits");
    this.a = a;
    this.b = b;
    this.output = output;
    this.guardBits = guardBits;
    this.multiplierA = multiplierA;
    this.multiplierB = multiplierB;
  }

  /** The width of the largest {@code |code - zp| m}. */
  private static int productBits(QuantSpec spec, DyadicMultiplier multiplier) {
    long largest = Math.max(spec.format().max() - spec.zeroPoint(), spec.zeroPoint() - spec.format().min());
    return 64 - Long.numberOfLeadingZeros(largest) + multiplier.multiplierBits();
  }

  /** The output code of {@code a + b}. */
  public int apply(int codeA, int codeB) {
    long rescaledA = multiplierA.apply(codeA - a.zeroPoint());
    long rescaledB = multiplierB.apply(codeB - b.zeroPoint());
    long sum = FixedPointMath.roundingShiftRight(rescaledA + rescaledB, guardBits);
    return (int) output.format().saturate(sum + output.zeroPoint());
  }

  /** Elementwise {@link #apply(int, int)}. */
  public int[] apply(int[] codesA, int[] codesB) {
    int[] result = new int[codesA.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = apply(codesA[i], codesB[i]);
    }
    return result;
  }

  public DyadicMultiplier multiplierA() {
    return multiplierA;
  }

  public DyadicMultiplier multiplierB() {
    return multiplierB;
  }

  public int guardBits() {
    return guardBits;
  }

  public QuantSpec a() {
    return a;
  }

  public QuantSpec b() {
    return b;
  }

  public QuantSpec output() {
    return output;
  }
}
