package dev.silica.transformer.data;

import com.google.common.base.Preconditions;

/**
 * Forecasting examples: {@code count()} input windows of {@code window} steps by {@code features}
 * scaled channels, flattened as {@code [example][step][feature]}, each with the scaled target of
 * the step after the window.
 */
public final class WindowSet {

  private final int window;
  private final int features;
  private final double[] inputs;
  private final double[] targets;

  public WindowSet(int window, int features, double[] inputs, double[] targets) {
    Preconditions.checkArgument(inputs.length == targets.length * window * features,
        "%s input values for %s windows of %s x %s", inputs.length, targets.length, window, features);
    this.window = window;
    this.features = features;
    this.inputs = inputs;
    this.targets = targets;
  }

  public int count() {
    return targets.length;
  }

  public int window() {
    return window;
  }

  public int features() {
    return features;
  }

  /** The scaled input value of {@code example} at {@code step}, {@code feature}. */
  public double input(int example, int step, int feature) {
    return inputs[(example * window + step) * features + feature];
  }

  /** Copies the window of {@code example} into {@code destination} at {@code offset}. */
  public void copyWindow(int example, double[] destination, int offset) {
    System.arraycopy(inputs, example * window * features, destination, offset, window * features);
  }

  /** The scaled target of {@code example}. */
  public double target(int example) {
    return targets[example];
  }
}
