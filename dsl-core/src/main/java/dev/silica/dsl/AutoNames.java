package dev.silica.dsl;

import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * The start of an automatic name: what made a value ({@code add}, {@code mux}...); the module adds
 * the Java line ({@code add_17}) and a suffix when two would collide.
 */
final class AutoNames {

  private AutoNames() {}

  /** The operation's mnemonic, except that casts say which way ({@code as_sint}) and constants are {@code lit}. */
  static String of(Op op) {
    if (op instanceof Op.Const) {
      return "lit";
    }
    if (op instanceof Op.Cast c) {
      return c.signed() ? "as_sint" : "as_uint";
    }
    return op.mnemonic();
  }

  /** Constants are named by value and type: {@code lit_5_u8}, {@code lit_m3_s4}. */
  static String ofConstant(BigInteger value, Type type) {
    String v = value.signum() < 0 ? "m" + value.negate() : value.toString();
    return "lit_" + v + "_" + type;
  }
}
