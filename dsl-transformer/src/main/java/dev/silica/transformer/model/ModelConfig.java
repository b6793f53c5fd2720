package dev.silica.transformer.model;

import com.google.common.base.Preconditions;

/**
 * The shape of a forecasting Transformer: input window {@code n} steps of {@code features}
 * channels, model width {@code d_model}, FFN expansion factor, number of encoder layers and of
 * attention heads.
 */
public record ModelConfig(int window, int features, int dModel, int ffnFactor, int layers, int heads) {

  public ModelConfig {
    Preconditions.checkArgument(window >= 1, "window must be >= 1, got %s", window);
    Preconditions.checkArgument(features >= 1, "features must be >= 1, got %s", features);
    Preconditions.checkArgument(dModel >= 2, "d_model must be >= 2, got %s", dModel);
    Preconditions.checkArgument(ffnFactor >= 1, "FFN factor must be >= 1, got %s", ffnFactor);
    Preconditions.checkArgument(layers >= 1, "layers must be >= 1, got %s", layers);
    Preconditions.checkArgument(heads >= 1 && dModel % heads == 0, "d_model %s is not divisible by %s heads",
        dModel, heads);
  }

  /** The published shape: one layer, one head, FFN factor 4. */
  public static ModelConfig published(int window, int features, int dModel) {
    return new ModelConfig(window, features, dModel, 4, 1, 1);
  }

  /** The shape in words: {@code window 12, 9 features, d_model 32, FFN x4, 1 layer(s), 1 head(s)}. */
  @Override
  public String toString() {
    return String.format("window %d, %d features, d_model %d, FFN x%d, %d layer(s), %d head(s)", window, features,
        dModel, ffnFactor, layers, heads);
  }
}
