package dev.silica.transformer.golden;

/**
 * An integer-only approximation of {@code exp(delta * S)} for non-positive input differences
 * {@code delta} (in input code units of scale {@code S}), up to a constant factor. Softmax divides
 * by the row's sum, so that factor cancels; only the width of the values matters to hardware.
 */
public interface IntExp {

  /** The integer proportional to {@code exp(delta * S)}; {@code delta} must be in {@code [-maxDelta(), 0]}. */
  long exp(int delta);

  /** The value at {@code delta = 0}, the largest this function returns. */
  long maxValue();

  /** The largest {@code -delta} accepted. */
  int maxDelta();
}
