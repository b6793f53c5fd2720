package dev.silica.transformer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The Adam optimizer with bias correction, over a model's trainable tensors. The published
 * training uses {@code beta1 = 0.9}, {@code beta2 = 0.98}, {@code eps = 1e-9}.
 */
public final class Adam {

  private final List<Param> params = new ArrayList<>();
  private final List<double[]> firstMoments = new ArrayList<>();
  private final List<double[]> secondMoments = new ArrayList<>();
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private int steps;

  public Adam(List<Param> modelParams, double beta1, double beta2, double epsilon) {
    for (Param p : modelParams) {
      if (p.isTrainable()) {
        params.add(p);
        firstMoments.add(new double[p.size()]);
        secondMoments.add(new double[p.size()]);
      }
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** The published settings. */
  public static Adam published(List<Param> modelParams) {
    return new Adam(modelParams, 0.9, 0.98, 1e-9);
  }

  /** One update with learning rate {@code rate} from the accumulated gradients. */
  public void step(double rate) {
    steps++;
    double correction1 = 1 - Math.pow(beta1, steps);
    double correction2 = 1 - Math.pow(beta2, steps);
    for (int p = 0; p < params.size(); p++) {
      double[] value = params.get(p).value();
      double[] grad = params.get(p).grad();
      double[] m = firstMoments.get(p);
      double[] v = secondMoments.get(p);
      for (int i = 0; i < value.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
        v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
        value[i] -= rate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + epsilon);
      }
    }
  }
}
