package dev.silica.examples.explore;

import dev.silica.ir.Memory;
import dev.silica.transformer.accel.AcceleratorConfig;
import dev.silica.transformer.blocks.MultiplierKind;
import java.util.Locale;

/**
 * One point of the forecaster's design space: the model's shape (bits, window, d_model) and the
 * accelerator's (array rows and columns, multiplier kind, storage style).
 */
public record DesignPoint(int bits, int window, int dModel, int rows, int cols, MultiplierKind multiplier,
    Memory.Style storage) {

  /** The model's part of the point. */
  public ModelShape shape() {
    return new ModelShape(bits, window, dModel);
  }

  /**
   * The accelerator's part of the point.
   *
   * @throws IllegalArgumentException for an array side outside what the generator accepts
   */
  public AcceleratorConfig accelerator() {
    return new AcceleratorConfig(rows, cols, multiplier, storage);
  }

  /** The multiplier as the command line names it. */
  public String multiplierName() {
    return multiplier.name().toLowerCase(Locale.ROOT);
  }

  /** A short label: {@code 4b w12 d32 6x4 dsp block}. */
  public String label() {
    return bits + "b w" + window + " d" + dModel + " " + rows + "x" + cols + " " + multiplierName() + " "
        + storage.mnemonic();
  }

  /** The shape of a forecasting model as the exploration varies it. */
  public record ModelShape(int bits, int window, int dModel) {

    @Override
    public String toString() {
      return "(" + window + "," + dModel + "," + bits + ")";
    }
  }
}
