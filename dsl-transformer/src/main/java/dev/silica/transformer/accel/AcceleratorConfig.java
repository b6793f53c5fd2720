package dev.silica.transformer.accel;

import dev.silica.ir.Memory;
import dev.silica.transformer.blocks.MultiplierKind;
import dev.silica.transformer.model.ModelConfig;

/**
 * The shape of a forecaster accelerator: an {@code rows x cols} systolic array with the given
 * multipliers, and where activations and weights live (block RAM or LUTs).
 *
 * @param rows R, time steps computed at once (must divide the window)
 * @param cols C, output channels computed at once (must divide the head size)
 * @param multiplier how the array's processing elements multiply
 * @param storage block or distributed memory for activation buffers and weight ROM
 */
public record AcceleratorConfig(int rows, int cols, MultiplierKind multiplier, Memory.Style storage) {

  /** The largest array side the generator accepts. */
  public static final int MAX_SIDE = 64;

  public AcceleratorConfig {
    if (rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE) {
      throw new IllegalArgumentException(
          "array " + rows + "x" + cols + " outside 1.." + MAX_SIDE + " on each side");
    }
    if (storage != Memory.Style.BLOCK && storage != Memory.Style.DISTRIBUTED) {
      throw new IllegalArgumentException("storage must be block or distributed, not " + storage.mnemonic());
    }
  }

  /**
   * Whether activation operands of {@code operandBits} (softmax probabilities, input codes) enter
   * the array in two halves of {@code bits} bits ({@code x = x_h 2^bits + x_l}, {@code x_l}
   * unsigned), so that its activation operand is {@code bits + 1} wide rather than {@code
   * operandBits + 1}: when they are wider than codes but at most twice as wide, and the multipliers
   * are not packed (packed sums cannot shift).
   */
  public boolean splits(int bits, int operandBits) {
    return multiplier != MultiplierKind.PACKED && bits < operandBits && operandBits <= 2 * bits;
  }

  /**
   * Checks that the array divides the model: the rows the window, the columns the head size (and so
   * d_model and the FFN width).
   *
   * @throws IllegalArgumentException naming the dimension that does not divide
   */
  public void checkDivides(ModelConfig model) {
    if (model.window() % rows != 0) {
      throw new IllegalArgumentException("array rows " + rows + " do not divide the window " + model.window());
    }
    int headSize = model.dModel() / model.heads();
    if (headSize % cols != 0) {
      throw new IllegalArgumentException("array columns " + cols + " do not divide the head size " + headSize
          + " (d_model " + model.dModel() + " / " + model.heads() + " heads)");
    }
  }
}
