package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.data.Dataset;
import java.nio.file.Path;

/**
 * Everything a training run needs. {@code bits == 0} means float only (no QAT, no integer
 * export). Float training: Adam, {@code learningRate} halved ({@code decayFactor}) every {@code
 * decayEvery} epochs, early stopping after {@code patience} epochs without a better validation
 * loss. QAT fine-tunes the best float model for {@code qatEpochs} epochs from {@code
 * qatLearningRate} by {@code qatRecipe}, with the same stopping rule.
 *
 * @param probabilityBits width of the softmax probabilities in QAT and integer inference
 * @param inputBits width of the input codes (the embedding's operand) in QAT and integer inference
 */
public record TrainingConfig(Dataset dataset, int window, int dModel, int ffnFactor, int layers, int heads, int bits,
    int probabilityBits, int inputBits, int epochs, int qatEpochs, long seed, int batchSize, double learningRate,
    double qatLearningRate, QatRecipe qatRecipe, int decayEvery, double decayFactor, int patience, Path output) {

  /** The published QAT phase's starting learning rate. */
  public static final double QAT_LEARNING_RATE = 5e-4;

  /** The default softmax probability width. */
  public static final int PROBABILITY_BITS = 8;

  public TrainingConfig {
    Preconditions.checkArgument(bits == 0 || (bits >= 2 && bits <= 16), "bits must be 0 (float) or 2..16, got %s",
        bits);
    Preconditions.checkArgument(bits == 0 || (probabilityBits >= 2 && probabilityBits <= 16),
        "probability bits must be 2..16, got %s", probabilityBits);
    Preconditions.checkArgument(bits == 0 || (inputBits >= 2 && inputBits <= 16), "input bits must be 2..16, got %s",
        inputBits);
    Preconditions.checkArgument(epochs >= 1, "epochs must be >= 1, got %s", epochs);
    Preconditions.checkArgument(qatEpochs >= 0, "QAT epochs must be >= 0, got %s", qatEpochs);
    Preconditions.checkArgument(batchSize >= 1, "batch size must be >= 1, got %s", batchSize);
    Preconditions.checkArgument(decayEvery >= 1 && patience >= 1, "decay period and patience must be >= 1");
  }

  /**
   * The published recipe for one configuration: FFN factor 4, one layer and head, batch 256,
   * learning rate 1e-3 halved every 10 epochs, patience 8; QAT for a third of the float epochs (at
   * least 3) from 5e-4 by {@link QatRecipe#LEARNED}; softmax probabilities at {@value
   * #PROBABILITY_BITS} bits whatever the activation width (at 4 bits, 15 probability levels cost
   * more accuracy than any other tensor); input codes as wide as the activations.
   */
  public static TrainingConfig published(Dataset dataset, int window, int dModel, int bits, int epochs, long seed,
      Path output) {
    return new TrainingConfig(dataset, window, dModel, 4, 1, 1, bits, bits == 0 ? 0 : PROBABILITY_BITS, bits, epochs,
        bits == 0 ? 0 : Math.max(3, epochs / 3), seed, 256, 1e-3, QAT_LEARNING_RATE, QatRecipe.LEARNED, 10, 0.5, 8, output);
  }

  /** The same run with {@code layers} encoder layers of {@code heads} attention heads. */
  public TrainingConfig withShape(int layers, int heads) {
    return new TrainingConfig(dataset, window, dModel, ffnFactor, layers, heads, bits, probabilityBits, inputBits,
        epochs, qatEpochs, seed, batchSize, learningRate, qatLearningRate, qatRecipe, decayEvery, decayFactor, patience,
        output);
  }

  /** The same run with quantization-aware fine-tuning for {@code epochs} epochs from {@code learningRate} by {@code recipe}. */
  public TrainingConfig withQat(int epochs, double learningRate, QatRecipe recipe) {
    return new TrainingConfig(dataset, window, dModel, ffnFactor, layers, heads, bits, probabilityBits, inputBits,
        this.epochs, epochs, seed, batchSize, this.learningRate, learningRate, recipe, decayEvery, decayFactor, patience,
        output);
  }

  /** The same run with input codes of {@code bits} bits. */
  public TrainingConfig withInputBits(int bits) {
    return new TrainingConfig(dataset, window, dModel, ffnFactor, layers, heads, this.bits, probabilityBits, bits,
        epochs, qatEpochs, seed, batchSize, learningRate, qatLearningRate, qatRecipe, decayEvery, decayFactor,
        patience, output);
  }

  /** Whether the run quantizes (QAT and integer export). */
  public boolean quantized() {
    return bits > 0;
  }

  /** The model shape for {@code features} input channels. */
  public ModelConfig modelConfig(int features) {
    return new ModelConfig(window, features, dModel, ffnFactor, layers, heads);
  }
}
