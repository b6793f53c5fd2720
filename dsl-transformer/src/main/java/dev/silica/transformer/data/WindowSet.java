package dev.silica.transformer.data;

import com.google.common.base.Preconditions;

/**
 * Sliding windows of a standardized series and their one-step-ahead targets: sample {@code i} is
 * the {@code window x features} block {@code inputs[i*window*features ..]} (row-major, oldest row
 * first) and the next row's standardized target {@code targets[i]}.
 */
public record WindowSet(String name, int window, int features, float[] inputs, float[] targets) {

  public WindowSet {
    Preconditions.checkArgument(inputs.length == targets.length * window * features,
        "inputs must hold window x features values per target");
  }

  public int size() {
    return targets.length;
  }

  /** Copies sample {@code sample}'s inputs into {@code destination} at {@code offset}. */
  public void copyInputs(int sample, float[] destination, int offset) {
    int length = window * features;
    System.arraycopy(inputs, sample * length, destination, offset, length);
  }
}
