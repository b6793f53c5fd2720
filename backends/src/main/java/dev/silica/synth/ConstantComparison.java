package dev.silica.synth;

import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A comparison of a variable against a constant, and the top bits of the variable that decide it.
 * An ordered comparison ignores the low bits below the constant's trailing zeros ({@code x < c} and
 * {@code x >= c}) or trailing ones ({@code x > c} and {@code x <= c}): {@code x < 8} is {@code x >> 3
 * < 1}, and a signed {@code x < 0} is the sign bit alone. Equality needs every bit.
 *
 * @param variable the signal compared
 * @param decidingBits how many of its top bits the result depends on
 */
record ConstantComparison(String variable, int decidingBits) {

  private static ConstantComparison of(Op.Binary op, String variable, BigInteger constant, Type variableType) {
    boolean constantFirst = !op.a().equals(variable);
    int w = variableType.width();
    int ignored =
        switch (op.kind()) {
          // c < x is x > c, and so on: what counts is the comparison with the variable on the left
          case LT, GE -> constantFirst ? trailingOnes(constant) : trailingZeros(constant);
          case GT, LE -> constantFirst ? trailingZeros(constant) : trailingOnes(constant);
          default -> 0;
        };
    return new ConstantComparison(variable, Math.max(1, w - ignored));
  }

  /**
   * The comparison {@code op} of operands typed {@code a} and {@code b} when exactly one of them is
   * a constant (its value given), else empty.
   */
  static Optional<ConstantComparison> of(Op.Binary op, Optional<BigInteger> constantA, Optional<BigInteger> constantB, Type a, Type b) {
    if (constantA.isPresent() == constantB.isPresent()) {
      return Optional.empty();
    }
    return constantB.isPresent()
        ? Optional.of(of(op, op.a(), constantB.get(), a))
        : Optional.of(of(op, op.b(), constantA.get(), b));
  }

  private static int trailingZeros(BigInteger c) {
    return c.signum() == 0 ? Integer.MAX_VALUE / 2 : c.getLowestSetBit();
  }

  private static int trailingOnes(BigInteger c) {
    return trailingZeros(c.add(BigInteger.ONE));
  }
}
