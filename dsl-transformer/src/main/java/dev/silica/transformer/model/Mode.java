package dev.silica.transformer.model;

/**
 * What a forward pass does. Training modes use and track batch statistics in BatchNorm;
 * quantization-aware training also updates the activation observers and fake-quantizes; the two
 * inference modes change no state.
 */
public enum Mode {
  /** Float training: BatchNorm uses and tracks batch statistics. */
  FLOAT_TRAINING(true, false),
  /** Float inference. */
  FLOAT_INFERENCE(false, false),
  /** QAT fine-tuning: observers track ranges, weights and activations are fake-quantized. */
  QAT_TRAINING(true, true),
  /** Fake-quantized inference with frozen ranges. */
  QAT_INFERENCE(false, true);

  private final boolean training;
  private final boolean quantized;

  Mode(boolean training, boolean quantized) {
    this.training = training;
    this.quantized = quantized;
  }

  public boolean training() {
    return training;
  }

  public boolean quantized() {
    return quantized;
  }

  /** The inference mode of the same arithmetic. */
  public Mode inference() {
    return quantized ? QAT_INFERENCE : FLOAT_INFERENCE;
  }
}
