package dev.silica.transformer.model;

import java.util.Random;

/** Small quantization-aware models trained a few steps on random data, for export and inference tests. */
final class TinyModels {

  static final ModelConfig CONFIG = new ModelConfig(4, 2, 4, 2);

  private TinyModels() {}

  static float[] windows(Random random, int count) {
    return GradientCheck.random(random, count * CONFIG.window() * CONFIG.features());
  }

  /** A model whose float and QAT phases each took a few Adam steps on random targets. */
  static Forecaster qat(int bits, long seed) {
    Random random = new Random(seed);
    Forecaster model = new Forecaster(CONFIG, seed);
    model.setTraining(true);
    steps(model, random, 5);
    model.enableQuantization(bits);
    steps(model, random, 5);
    model.setTraining(false);
    return model;
  }

  private static void steps(Forecaster model, Random random, int steps) {
    Adam adam = new Adam(model.params(), 1e-2);
    for (int s = 0; s < steps; s++) {
      float[] x = windows(random, 32);
      float[] y = GradientCheck.random(random, 32);
      float[] grad = new float[32];
      model.zeroGrad();
      Forecaster.meanSquaredError(model.forward(x), y, grad);
      model.backward(grad);
      adam.step();
    }
  }
}
