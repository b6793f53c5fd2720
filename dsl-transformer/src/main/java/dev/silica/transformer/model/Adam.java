package dev.silica.transformer.model;

import com.google.common.collect.ImmutableList;

/**
 * The Adam optimizer with bias correction, {@code beta1 = 0.9}, {@code beta2 = 0.98}, {@code eps =
 * 1e-9} (the Transformer's settings); the learning rate is set from outside (step decay).
 */
public final class Adam {

  static final double BETA1 = 0.9;
  static final double BETA2 = 0.98;
  static final double EPSILON = 1e-9;

  private final ImmutableList<Param> params;
  private final float[][] first;
  private final float[][] second;
  private int steps;
  private double learningRate;

  public Adam(ImmutableList<Param> params, double learningRate) {
    this.params = params;
    this.first = new float[params.size()][];
    this.second = new float[params.size()][];
    for (int i = 0; i < params.size(); i++) {
      first[i] = new float[params.get(i).size()];
      second[i] = new float[params.get(i).size()];
    }
    this.learningRate = learningRate;
  }

  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  public double learningRate() {
    return learningRate;
  }

  /** Applies one update from the accumulated gradients. */
  public void step() {
    steps++;
    double correction1 = 1 - Math.pow(BETA1, steps);
    double correction2 = 1 - Math.pow(BETA2, steps);
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      float[] m = first[i];
      float[] v = second[i];
      for (int j = 0; j < p.value.length; j++) {
        float g = p.grad[j];
        m[j] = (float) (BETA1 * m[j] + (1 - BETA1) * g);
        v[j] = (float) (BETA2 * v[j] + (1 - BETA2) * g * g);
        double update = learningRate * (m[j] / correction1) / (Math.sqrt(v[j] / correction2) + EPSILON);
        p.value[j] -= (float) update;
      }
    }
  }
}
