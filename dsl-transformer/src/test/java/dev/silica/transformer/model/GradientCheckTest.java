package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every backward pass against central finite differences of the loss {@code L = sum(y * w)} for a
 * fixed random {@code w}, on tiny shapes, in float modes (QAT gradients are straight-through by
 * definition and have no finite-difference counterpart).
 */
class GradientCheckTest {

  private static final double STEP = 1e-6;
  private static final double TOLERANCE = 1e-6;

  private static Tensor random(Random random, int b, int t, int c) {
    double[] data = new double[b * t * c];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextGaussian();
    }
    return new Tensor(b, t, c, data);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Checks {@code analytic} against the finite difference of {@code loss} with respect to {@code values}. */
  private static void check(String what, double[] values, double[] analytic, Supplier<Double> loss) {
    double worst = 0;
    for (int i = 0; i < values.length; i++) {
      double saved = values[i];
      values[i] = saved + STEP;
      double plus = loss.get();
      values[i] = saved - STEP;
      double minus = loss.get();
      values[i] = saved;
      double numeric = (plus - minus) / (2 * STEP);
      double error = Math.abs(numeric - analytic[i]) / Math.max(1, Math.abs(numeric) + Math.abs(analytic[i]));
      worst = Math.max(worst, error);
    }
    assertTrue(worst < TOLERANCE, what + ": worst relative gradient error " + worst);
  }

  @Test
  void denseBackwardMatchesFiniteDifferences() {
    Random random = new Random(1);
    Dense dense = new Dense("d", 3, 4, random);
    Tensor x = random(random, 2, 3, 3);
    double[] w = random(random, 2, 3, 4).data();
    Supplier<Double> loss = () -> dot(dense.forward(x, Mode.FLOAT_TRAINING).data(), w);
    dense.forward(x, Mode.FLOAT_TRAINING);
    Tensor dx = dense.backward(new Tensor(2, 3, 4, w));
    check("input", x.data(), dx.data(), loss);
    check("weight", dense.weight().value(), dense.weight().grad(), loss);
    check("bias", dense.bias().value(), dense.bias().grad(), loss);
  }

  @Test
  void batchNormBackwardWithBatchStatisticsMatchesFiniteDifferences() {
    checkBatchNorm(Mode.FLOAT_TRAINING);
  }

  @Test
  void batchNormBackwardWithRunningStatisticsMatchesFiniteDifferences() {
    checkBatchNorm(Mode.FLOAT_INFERENCE);
  }

  private void checkBatchNorm(Mode mode) {
    Random random = new Random(2);
    BatchNorm norm = new BatchNorm("n", 3);
    for (Param p : norm.params()) {
      for (int i = 0; i < p.size(); i++) {
        p.value()[i] = 0.5 + random.nextDouble();
      }
    }
    Tensor x = random(random, 2, 4, 3);
    double[] w = random(random, 2, 4, 3).data();
    double[] runningMean = norm.params().get(2).value().clone();
    double[] runningVariance = norm.params().get(3).value().clone();
    Supplier<Double> loss = () -> {
      double value = dot(norm.forward(x, mode).data(), w);
      System.arraycopy(runningMean, 0, norm.params().get(2).value(), 0, 3);
      System.arraycopy(runningVariance, 0, norm.params().get(3).value(), 0, 3);
      return value;
    };
    loss.get();
    Tensor dx = norm.backward(new Tensor(2, 4, 3, w));
    check("input", x.data(), dx.data(), loss);
    check("gamma", norm.params().get(0).value(), norm.params().get(0).grad(), loss);
    check("beta", norm.params().get(1).value(), norm.params().get(1).grad(), loss);
  }

  @Test
  void multiHeadAttentionBackwardMatchesFiniteDifferences() {
    Random random = new Random(3);
    SelfAttention attention = new SelfAttention("a", 4, 2);
    Tensor q = random(random, 2, 3, 4);
    Tensor k = random(random, 2, 3, 4);
    Tensor v = random(random, 2, 3, 4);
    double[] w = random(random, 2, 3, 4).data();
    Supplier<Double> loss = () -> dot(attention.forward(q, k, v, Mode.FLOAT_TRAINING).data(), w);
    loss.get();
    Tensor[] grads = attention.backward(new Tensor(2, 3, 4, w));
    check("query", q.data(), grads[0].data(), loss);
    check("key", k.data(), grads[1].data(), loss);
    check("value", v.data(), grads[2].data(), loss);
  }

  @Test
  void wholeModelBackwardMatchesFiniteDifferencesForEveryParameter() {
    ModelConfig config = new ModelConfig(3, 2, 4, 2, 2, 2);
    ForecastModel model = new ForecastModel(config, 4);
    Random random = new Random(5);
    for (Param p : model.params()) {
      if (p.isTrainable() && p.name().contains("norm")) {
        for (int i = 0; i < p.size(); i++) {
          p.value()[i] += 0.3 * random.nextGaussian();
        }
      }
    }
    Tensor x = random(random, 3, 3, 2);
    double[] w = {0.7, -1.1, 0.4};
    Supplier<Double> loss = () -> dot(model.forward(x, Mode.FLOAT_TRAINING), w);
    model.zeroGradients();
    loss.get();
    model.backward(w);
    for (Param p : model.params()) {
      if (p.isTrainable()) {
        check(p.name(), p.value(), p.grad(), loss);
      }
    }
  }
}
