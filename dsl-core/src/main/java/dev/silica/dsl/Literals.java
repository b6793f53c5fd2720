package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.Type;
import java.math.BigInteger;

/** Literal values: checked against their type, and sized automatically where an operator needs one. */
final class Literals {

  private Literals() {}

  /** A literal element (placed in a module when used), checked to fit {@code type}. */
  static Ref literal(BigInteger value, Type type) {
    if (!type.fits(value)) {
      throw new DesignError(
          UserCode.location(),
          "the literal " + value + " does not fit " + type + " (" + type.min() + ".." + type.max() + ")");
    }
    Ref r = new Ref(null, Ref.Kind.LITERAL, type, UserCode.location());
    r.value = value;
    return r;
  }

  /** The narrowest type of the given signedness that holds {@code value}. */
  static Type narrowest(BigInteger value, boolean signed) {
    if (!signed && value.signum() < 0) {
      throw new DesignError(
          UserCode.location(), value + " is negative: it cannot be used with an unsigned value");
    }
    int width = signed ? value.bitLength() + 1 : Math.max(1, value.bitLength());
    return new Type(width, signed);
  }
}
