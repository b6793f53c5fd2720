package dev.silica.transformer.golden;

/** Accumulates the error of an integer approximation against a float reference. */
final class ErrorStats {
  private double maxAbs;
  private double sumAbs;
  private long count;
  private long mismatches;

  /** Records one approximate value against its reference. */
  void add(double approximate, double reference) {
    double error = Math.abs(approximate - reference);
    maxAbs = Math.max(maxAbs, error);
    sumAbs += error;
    count++;
  }

  /** Records whether an integer result differs from the exactly rounded one. */
  void addExactness(long actual, long exactlyRounded) {
    if (actual != exactlyRounded) {
      mismatches++;
    }
  }

  double maxAbs() {
    return maxAbs;
  }

  double meanAbs() {
    return count == 0 ? 0 : sumAbs / count;
  }

  double mismatchFraction() {
    return count == 0 ? 0 : (double) mismatches / count;
  }

  long count() {
    return count;
  }
}
