package dev.silica.transformer.accel;

/**
 * A tensor of {@code steps x width} codes in the banked activation memory: element {@code (t,
 * ch)} lives in bank {@code t mod R} at address {@code base + (t / R) width + ch}.
 *
 * @param base the address of element (0, 0)
 * @param width channels per step
 */
public record Region(int base, int width) {

  /** The address of element {@code (t, ch)} for an array of {@code rows} rows. */
  public int address(int t, int ch, int rows) {
    return base + (t / rows) * width + ch;
  }
}
