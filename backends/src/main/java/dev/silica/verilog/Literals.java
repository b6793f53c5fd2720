package dev.silica.verilog;

import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * Sized Verilog literals that carry their IR type: {@code 8'd5} for {@code u8}, {@code 8'sd5} and
 * {@code -8'sd5} for {@code s8}, so a literal never makes a signed expression unsigned or changes a
 * width. Values wider than 64 bits are written in hexadecimal.
 */
final class Literals {

  private static final int DECIMAL_UP_TO_BITS = 64;

  private Literals() {}

  /** {@code value} (which must fit {@code type}) as a literal of that type. */
  static String of(BigInteger value, Type type) {
    if (!type.fits(value)) {
      throw new IllegalArgumentException(value + " does not fit " + type);
    }
    int w = type.width();
    if (!type.signed()) {
      return w > DECIMAL_UP_TO_BITS ? w + "'h" + value.toString(16) : w + "'d" + value;
    }
    if (value.equals(type.min())) {
      // The most negative value has no positive counterpart of the same width: write its bits.
      return w + "'sh" + type.min().negate().toString(16);
    }
    String magnitude =
        w > DECIMAL_UP_TO_BITS ? w + "'sh" + value.abs().toString(16) : w + "'sd" + value.abs();
    return value.signum() < 0 ? "-" + magnitude : magnitude;
  }

  /**
   * {@code value} as a literal that may stand as an operand: a negative one is parenthesized, since
   * a unary minus after another operator is either outside the grammar ({@code &-200'sh1} is a
   * syntax error for Icarus) or a different token ({@code --32'sd5} is a decrement for Verilator).
   */
  static String operand(BigInteger value, Type type) {
    String literal = of(value, type);
    return literal.startsWith("-") ? "(" + literal + ")" : literal;
  }

  /** The bits of {@code value} in {@code type}, as hexadecimal digits of a memory file word. */
  static String hexWord(BigInteger value, Type type) {
    BigInteger bits = value.signum() < 0 ? value.add(BigInteger.ONE.shiftLeft(type.width())) : value;
    int digits = (type.width() + 3) / 4;
    return String.format("%" + digits + "s", bits.toString(16)).replace(' ', '0');
  }
}
