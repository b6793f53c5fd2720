package dev.silica.transformer.model;

import com.google.common.base.Preconditions;

/**
 * The shape of the forecasting Transformer: a window of {@code window} rows of {@code features}
 * inputs, a model width {@code dModel}, and an FFN of {@code ffnFactor * dModel} hidden units.
 */
public record ModelConfig(int window, int features, int dModel, int ffnFactor) {

  public ModelConfig {
    Preconditions.checkArgument(window >= 1, "window must be >= 1, got %s", window);
    Preconditions.checkArgument(features >= 1, "features must be >= 1, got %s", features);
    Preconditions.checkArgument(dModel >= 2 && dModel % 2 == 0, "d_model must be even and >= 2, got %s", dModel);
    Preconditions.checkArgument(ffnFactor >= 1, "FFN factor must be >= 1, got %s", ffnFactor);
  }

  /** The published shape: FFN factor 4. */
  public static ModelConfig of(int window, int features, int dModel) {
    return new ModelConfig(window, features, dModel, 4);
  }

  public int hidden() {
    return dModel * ffnFactor;
  }
}
