package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;

/**
 * Numerical gradient checking: the loss is {@code sum(output * weights)} for fixed random weights,
 * its derivative by each value is estimated by central differences and compared with the analytic
 * gradient as a whole, {@code |num - analytic| / (|num| + |analytic|)} over the vector.
 */
final class GradientCheck {

  static final float STEP = 3e-3f;
  static final double TOLERANCE = 1e-2;

  private GradientCheck() {}

  static float[] random(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  static double loss(float[] output, float[] weights) {
    double sum = 0;
    for (int i = 0; i < output.length; i++) {
      sum += (double) output[i] * weights[i];
    }
    return sum;
  }

  /** The central-difference gradient of {@code loss.get()} by each entry of {@code values}. */
  static float[] numerical(float[] values, Supplier<Double> loss) {
    float[] gradient = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      float saved = values[i];
      values[i] = saved + STEP;
      double plus = loss.get();
      values[i] = saved - STEP;
      double minus = loss.get();
      values[i] = saved;
      gradient[i] = (float) ((plus - minus) / (2 * STEP));
    }
    return gradient;
  }

  static void assertClose(String what, float[] numerical, float[] analytic) {
    double difference = 0;
    double norms = 0;
    double numericalNorm = 0;
    for (int i = 0; i < numerical.length; i++) {
      difference += Math.pow(numerical[i] - analytic[i], 2);
      numericalNorm += Math.pow(numerical[i], 2);
      norms += Math.pow(analytic[i], 2);
    }
    assertTrue(numericalNorm > 1e-6, what + ": the numerical gradient is zero, the check would prove nothing");
    double relative = Math.sqrt(difference) / (Math.sqrt(numericalNorm) + Math.sqrt(norms));
    assertTrue(relative < TOLERANCE, what + ": relative gradient error " + relative);
  }
}
