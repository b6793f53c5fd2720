package dev.silica.transformer.accel;

/**
 * The fields of an instruction. Each is one small ROM indexed by the program counter, as wide as
 * its largest value in the program; a field an opcode does not use is 0.
 */
public enum Field {
  /** The {@link Opcode}'s ordinal. */
  OP(false),
  /** MATMUL: activation address of the tile's first operand beat; SOFTMAX: the score row; POOL: the source region. */
  A_ADDR(false),
  /** MATMUL: zero point subtracted from the activation operand. */
  A_ZERO(true),
  /** MATMUL: the reduction length K; SOFTMAX: the row length; POOL: the channels. */
  LENGTH(false),
  /** MATMUL: 1 when the second operand comes from the attention memory, 0 for the weight ROM. */
  B_FROM_MEMORY(false),
  /** MATMUL: address of the second operand's first beat. */
  B_ADDR(false),
  /** MATMUL: zero point subtracted from the second operand. */
  B_ZERO(true),
  /** MATMUL: rows of the tile that are drained (the others are discarded). */
  ROWS(false),
  /** MATMUL: columns of the tile that are drained. */
  COLS(false),
  /** MATMUL: the {@link PostOp} index applied to every drained element. */
  POST_OP(false),
  /** MATMUL: the {@link Destination}'s ordinal. */
  DESTINATION(false),
  /** Address of the first result: MATMUL's element (0, 0), SOFTMAX's probability row, POOL's output. */
  DST_ADDR(false),
  /** MATMUL, key destination: the attention-memory bank of row 0; SOFTMAX: the activation bank of the row. */
  BANK(false),
  /** MATMUL: activation address of element (0, 0)'s residual operand. */
  RES_ADDR(false),
  /** MATMUL: the output channel of column 0 (indexes biases and normalization coefficients). */
  CHANNEL(false),
  /** MATMUL: positional-encoding ROM address of element (0, 0); SOFTMAX: the exponential table's base. */
  TABLE_ADDR(false),
  /**
   * MATMUL: 1 when the activation operand is a probability or input code split in two halves
   * ({@link Program#splitsProbabilities()}, {@link Program#splitsInputs()}): the high halves in the
   * first {@code LENGTH / 2} beats, the low halves after a shift of the sums.
   */
  SPLIT(false),
  /**
   * MATMUL: 1 when the next instruction must wait until this one's results are written (it reads
   * them, or is not a MATMUL); 0 lets it start while they are still in the vector unit.
   */
  FENCE(false),
  /** POOL: the address stride between the row blocks of one channel. */
  STRIDE(false);

  private final boolean signed;

  Field(boolean signed) {
    this.signed = signed;
  }

  /** Whether the field holds two's-complement values. */
  public boolean signed() {
    return signed;
  }
}
