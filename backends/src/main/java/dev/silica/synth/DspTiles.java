package dev.silica.synth;

/**
 * The DSP48E1 slices of one multiplier: columns along the 25-bit A port times rows along the 18-bit
 * B port. The rows of a column cascade inside the slices; the columns are summed in the fabric.
 *
 * @param wide columns, along the wider operand
 * @param narrow rows, along the narrower operand
 */
record DspTiles(int wide, int narrow) {

  int slices() {
    return wide * narrow;
  }

  /** Whether the product fits one slice. */
  boolean isSingle() {
    return wide == 1 && narrow == 1;
  }
}
