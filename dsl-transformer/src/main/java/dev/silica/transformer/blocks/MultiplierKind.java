package dev.silica.transformer.blocks;

/** How a processing element multiplies. */
public enum MultiplierKind {
  /** A shift-and-add array of partial products in fabric: no DSP slice. */
  LUT,
  /** One multiplier per MAC, the {@code *} that synthesis maps to a DSP48E1. */
  DSP,
  /**
   * Two MACs sharing their row operand in one multiplier: the two column operands packed {@code S}
   * bits apart ({@link DspPacking}), sign-corrected when read out.
   */
  PACKED
}
