package dev.silica.transformer.accel;

/** What one instruction of a forecaster program does. */
public enum Opcode {
  /** One R x C output tile of a matrix product, drained through the vector unit's post-operation. */
  MATMUL,
  /** One row of an integer softmax: maximum, exponentials and their sum, one division per element. */
  SOFTMAX,
  /** Global average pooling of every channel into the first row of its region. */
  POOL,
  /** The end of the program: the accelerator raises {@code done}. */
  END
}
