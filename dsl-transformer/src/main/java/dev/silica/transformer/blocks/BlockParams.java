package dev.silica.transformer.blocks;

import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;

/** Parameter readers the transformer generators share beyond what {@link Params} offers. */
final class BlockParams {

  private BlockParams() {}

  /** A positive finite real number, such as a scale. */
  static double positiveReal(Params params, String name) {
    String text = params.getString(name);
    try {
      double value = Double.parseDouble(text.trim());
      if (value > 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the valid form
    }
    throw ParameterError.invalid(name, text, "a positive real number such as 0.0125");
  }

  /** Bit width of a quantized operand: 2..16. */
  static int codeBits(Params params, String name) {
    return params.getInt(name, 2, 16);
  }

  /** An integer that must fit a signed code of {@code bits} bits, such as a zero point. */
  static int signedCode(Params params, String name, int bits) {
    return params.getInt(name, -(1 << (bits - 1)), (1 << (bits - 1)) - 1);
  }
}
