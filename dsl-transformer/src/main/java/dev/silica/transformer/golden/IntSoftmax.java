package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Golden integer softmax over a row of up to {@code maxLength} signed codes: subtract the row
 * maximum, take an {@link IntExp} of each difference (the zero point cancels), sum, and normalize
 * to unsigned {@code outBits}-bit probabilities with scale {@code 1 / (2^outBits - 1)} (code
 * {@code 2^outBits - 1} is exactly 1.0).
 *
 * <p>Normalization, with {@code P = 2^outBits - 1} and {@code S = sum of e}:
 *
 * <ul>
 *   <li>{@link Normalizer#DIVIDER}: {@code p = floor((2 e P + S) / (2 S))} (round half up) by a
 *       {@link RestoringDivider} of {@code outBits} quotient bits, one division per element;
 *   <li>{@link Normalizer#RECIPROCAL}: once per row {@code R = floor(2^K / S)} by the same divider,
 *       then per element {@code p = min(P, (e P R + 2^(K-1)) >> K)}, a multiply and a shift; {@code
 *       K = width(maxLength * e_max) + outBits + 4}, so R's truncation costs at most 1/16 LSB.
 * </ul>
 *
 * <h2>Measured error</h2>
 *
 * <p>Max abs error in probability against the float softmax of the same dequantized codes
 * ({@code SoftmaxErrorTest}: b-bit inputs of scale 8/2^(b-1), values from N(0, 2.5^2), 2,000 rows
 * of length 1..64, seed 7). Output rounding alone costs half a step, listed for comparison.
 *
 * <table>
 *   <caption>Softmax max abs error (mean abs error in parentheses)</caption>
 *   <tr><th>method</th><th>4 bits</th><th>6 bits</th><th>8 bits</th></tr>
 *   <tr><td>half output step</td><td>0.03333</td><td>0.00794</td><td>0.00196</td></tr>
 *   <tr><td>i-exp P=8, divider</td><td>0.03342 (0.0063)</td><td>0.00854 (0.0023)</td><td>0.00249 (0.00076)</td></tr>
 *   <tr><td>i-exp P=8, reciprocal</td><td>0.03342</td><td>0.00854</td><td>0.00256</td></tr>
 *   <tr><td>i-exp P=6, divider</td><td>0.03461</td><td>0.00957</td><td>0.00383</td></tr>
 *   <tr><td>LUT 16-bit entries, divider</td><td>0.03334</td><td>0.00794</td><td>0.00196</td></tr>
 *   <tr><td>LUT 16-bit entries, reciprocal</td><td>0.03334</td><td>0.00796</td><td>0.00197</td></tr>
 *   <tr><td>LUT (b+4)-bit entries, divider</td><td>0.04544</td><td>0.00981</td><td>0.00266</td></tr>
 * </table>
 *
 * <p>i-exp's floor (about 5e-4 above the output rounding at 8 bits) is the polynomial's own error;
 * the table's is the rounding of its entries.
 */
public final class IntSoftmax {

  /** How the exponentials are turned into probabilities. */
  public enum Normalizer {
    /** One restoring division per element. */
    DIVIDER,
    /** One restoring division per row, then a multiply per element. */
    RECIPROCAL
  }

  private static final int RECIPROCAL_GUARD_BITS = 4;

  private final IntFormat input;
  private final IntExp exp;
  private final int outBits;
  private final int maxLength;
  private final Normalizer normalizer;

  /**
   * @param input the format of the row's codes
   * @param exp the exponential, covering every difference of two input codes
   * @param outBits the width of the unsigned probabilities
   * @param maxLength the longest row
   * @param normalizer division per element or reciprocal per row
   */
  public IntSoftmax(IntFormat input, IntExp exp, int outBits, int maxLength, Normalizer normalizer) {
    Preconditions.checkArgument(input.signed(), "softmax input must be signed, got %s", input);
    Preconditions.checkArgument(exp.maxDelta() >= input.max() - input.min(),
        "the exponential covers differences up to %s, the input format needs %s", exp.maxDelta(),
        input.max() - input.min());
    Preconditions.checkArgument(outBits >= 1 && outBits <= 16, "output width must be 1..16 bits");
    Preconditions.checkArgument(maxLength >= 1, "maxLength must be >= 1");
    this.input = input;
    this.exp = exp;
    this.outBits = outBits;
    this.maxLength = maxLength;
    this.normalizer = normalizer;
  }

  /** Softmax with I-BERT's polynomial exponential. */
  public static IntSoftmax withIExp(IntFormat input, double inputScale, int precisionBits, int outBits,
      int maxLength, Normalizer normalizer) {
    IExp exp = new IExp(inputScale, (int) (input.max() - input.min()), precisionBits);
    return new IntSoftmax(input, exp, outBits, maxLength, normalizer);
  }

  /** Softmax with an exponential table over every input difference. */
  public static IntSoftmax withLut(IntFormat input, double inputScale, int entryBits, int outBits, int maxLength,
      Normalizer normalizer) {
    ExpLut exp = new ExpLut(inputScale, (int) (input.max() - input.min()), entryBits);
    return new IntSoftmax(input, exp, outBits, maxLength, normalizer);
  }

  /** The probabilities of one row, as unsigned codes of {@link #outputScale()}. */
  public int[] apply(int[] row) {
    Preconditions.checkArgument(row.length >= 1 && row.length <= maxLength, "row length %s outside 1..%s",
        row.length, maxLength);
    int max = Integer.MIN_VALUE;
    for (int code : row) {
      Preconditions.checkArgument(input.contains(code), "code %s outside %s", code, input);
      max = Math.max(max, code);
    }
    long[] e = new long[row.length];
    long sum = 0;
    for (int i = 0; i < row.length; i++) {
      e[i] = exp.exp(row[i] - max);
      sum += e[i];
    }
    long top = outputMax();
    int[] probabilities = new int[row.length];
    if (normalizer == Normalizer.DIVIDER) {
      for (int i = 0; i < row.length; i++) {
        probabilities[i] = (int) RestoringDivider.divide(2 * e[i] * top + sum, 2 * sum, outBits);
      }
    } else {
      int k = reciprocalShift();
      long reciprocal = RestoringDivider.divide(1L << k, sum, reciprocalQuotientBits());
      for (int i = 0; i < row.length; i++) {
        probabilities[i] = (int) Math.min(top, FixedPointMath.roundingShiftRight(e[i] * top * reciprocal, k));
      }
    }
    return probabilities;
  }

  /** The float reference: {@code exp(x_i - max) / sum}. */
  public static double[] reference(double[] row) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : row) {
      max = Math.max(max, x);
    }
    double[] result = new double[row.length];
    double sum = 0;
    for (int i = 0; i < row.length; i++) {
      result[i] = Math.exp(row[i] - max);
      sum += result[i];
    }
    for (int i = 0; i < row.length; i++) {
      result[i] /= sum;
    }
    return result;
  }

  /** The real value of one output code, {@code 1 / (2^outBits - 1)}. */
  public double outputScale() {
    return 1.0 / outputMax();
  }

  /** The largest output code, standing for probability 1.0. */
  public long outputMax() {
    return (1L << outBits) - 1;
  }

  /** The unsigned width of a row's sum of exponentials. */
  public IntFormat sumFormat() {
    return IntFormat.unsignedFor(maxLength * exp.maxValue());
  }

  /** {@code K}, the fraction bits of the per-row reciprocal. */
  public int reciprocalShift() {
    return sumFormat().bits() + outBits + RECIPROCAL_GUARD_BITS;
  }

  /** The quotient width of {@code 2^K / sum}: the sum is at least {@code e_max >= 2^floor(log2 e_max)}. */
  public int reciprocalQuotientBits() {
    return reciprocalShift() - (63 - Long.numberOfLeadingZeros(exp.maxValue())) + 1;
  }

  public IntFormat input() {
    return input;
  }

  public IntExp exp() {
    return exp;
  }

  public int outBits() {
    return outBits;
  }

  public int maxLength() {
    return maxLength;
  }

  public Normalizer normalizer() {
    return normalizer;
  }
}
