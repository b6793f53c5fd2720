package dev.silica.transformer.accel;

/** Where a MATMUL tile's drained elements go. */
public enum Destination {
  /** The activation memory: element (r, c) to bank r, address {@code DST_ADDR + c}. */
  ACTIVATIONS,
  /**
   * The attention memory transposed, as keys for {@code Q K^T}: element (t, ch) to bank {@code t mod
   * C}, address {@code base + (t / C) d_model + ch}.
   */
  KEYS,
  /** The attention memory as values for {@code P V}: element (r, c) to bank c, address {@code DST_ADDR + r}. */
  VALUES,
  /** The prediction register: the head's accumulator. */
  PREDICTION
}
