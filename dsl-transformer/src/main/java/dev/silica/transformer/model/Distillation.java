package dev.silica.transformer.model;

import dev.silica.transformer.data.WindowSet;

/**
 * Knowledge distillation for quantization-aware training: the float model, before it is
 * fine-tuned, predicts every training window once, and QAT trains towards {@code (1 - w) y + w
 * f}, the data's target {@code y} mixed with the float prediction {@code f} by the recipe's
 * weight {@code w}. The squared error to that mix is, up to a constant, {@code (1 - w)} times the
 * error to the data plus {@code w} times the error to the float model, so the quantized model is
 * pulled towards the function the float model learned, which is smoother than the noisy targets.
 */
final class Distillation {

  private final double weight;
  private final double[] teacher;

  private Distillation(double weight, double[] teacher) {
    this.weight = weight;
    this.teacher = teacher;
  }

  /** Records {@code floatModel}'s predictions of every window of {@code train} (float inference). */
  static Distillation of(ForecastModel floatModel, WindowSet train, double weight) {
    return new Distillation(weight, weight == 0 ? null : Batches.predict(floatModel, train, Mode.FLOAT_INFERENCE));
  }

  /** The training targets of the windows {@code indices[from, to)} of the training set. */
  double[] targets(WindowSet train, int[] indices, int from, int to) {
    double[] targets = Batches.targets(train, indices, from, to);
    if (teacher != null) {
      for (int i = from; i < to; i++) {
        targets[i - from] = (1 - weight) * targets[i - from] + weight * teacher[indices[i]];
      }
    }
    return targets;
  }
}
