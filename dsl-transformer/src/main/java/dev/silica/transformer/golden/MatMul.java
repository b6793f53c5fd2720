package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Golden integer matrix multiply, exact in 64 bits, and the accumulator width that makes a
 * {@code K}-term dot product of two operand formats impossible to overflow.
 */
public final class MatMul {

  private MatMul() {}

  /** {@code x (M x K) times w (K x N)}, exact. */
  public static long[][] multiply(int[][] x, int[][] w) {
    Preconditions.checkArgument(x.length > 0 && w.length > 0, "empty matrix");
    int k = w.length;
    int n = w[0].length;
    long[][] result = new long[x.length][n];
    for (int i = 0; i < x.length; i++) {
      Preconditions.checkArgument(x[i].length == k, "row %s has %s columns, w has %s rows", i, x[i].length, k);
      for (int j = 0; j < n; j++) {
        long acc = 0;
        for (int t = 0; t < k; t++) {
          acc = Math.addExact(acc, (long) x[i][t] * w[t][j]);
        }
        result[i][j] = acc;
      }
    }
    return result;
  }

  /**
   * The narrowest signed format that holds every sum of {@code k} products of {@code a} and {@code
   * b} codes: {@code k} times the exact product extremes (for two signed 8-bit operands and {@code
   * k = 64}: {@code 64 * 16384 = 2^20}, so s22).
   */
  public static IntFormat accumulatorFormat(IntFormat a, IntFormat b, int k) {
    Preconditions.checkArgument(k >= 1, "k must be >= 1, got %s", k);
    long[] products = {a.min() * b.min(), a.min() * b.max(), a.max() * b.min(), a.max() * b.max()};
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long p : products) {
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    return IntFormat.signedFor(Math.multiplyExact(min, (long) k), Math.multiplyExact(max, (long) k));
  }

  /** The float reference {@code x w}. */
  public static double[][] reference(double[][] x, double[][] w) {
    double[][] result = new double[x.length][w[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        for (int t = 0; t < w.length; t++) {
          result[i][j] += x[i][t] * w[t][j];
        }
      }
    }
    return result;
  }
}
