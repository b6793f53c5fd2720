package dev.silica.transformer.model;

import com.google.common.base.Preconditions;

/**
 * How a model is trained: at most {@code maxEpochs} epochs of shuffled mini-batches, a learning
 * rate multiplied by {@code decayFactor} every {@code decayEvery} epochs, and early stopping once
 * the validation loss has not improved for {@code patience} epochs.
 */
public record TrainingOptions(int maxEpochs, int batchSize, double learningRate, int decayEvery, double decayFactor,
    int patience, long seed) {

  public TrainingOptions {
    Preconditions.checkArgument(maxEpochs >= 1, "epochs must be >= 1, got %s", maxEpochs);
    Preconditions.checkArgument(batchSize >= 1, "batch size must be >= 1, got %s", batchSize);
    Preconditions.checkArgument(learningRate > 0, "learning rate must be positive");
    Preconditions.checkArgument(decayEvery >= 1 && decayFactor > 0 && decayFactor <= 1, "bad step decay");
    Preconditions.checkArgument(patience >= 1, "patience must be >= 1");
  }

  /** Float training as published: batch 256, lr 1e-3 halved every 10 epochs, patience 5. */
  public static TrainingOptions floatTraining(int epochs, long seed) {
    return new TrainingOptions(epochs, 256, 1e-3, 10, 0.5, 5, seed);
  }

  /** QAT fine-tuning from a trained float model: batch 256, lr 1e-4 halved every 5 epochs, patience 3. */
  public static TrainingOptions quantizationAware(int epochs, long seed) {
    return new TrainingOptions(epochs, 256, 1e-4, 5, 0.5, 3, seed);
  }
}
