package dev.silica.sim;

import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;

/**
 * The width table computed the slow, obvious way on BigInteger values: the golden model the
 * simulator's word arithmetic is checked against. It shares no code with the simulator.
 */
final class BigIntegerReference {

  private BigIntegerReference() {}

  /** The low {@code width} bits of {@code x} as a non-negative number. */
  private static BigInteger bits(BigInteger x, int width) {
    return x.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
  }

  static BigInteger unary(Op.UnaryKind kind, Type ta, BigInteger a, Type result) {
    BigInteger pattern = bits(a, ta.width());
    return switch (kind) {
      case NOT -> result.wrap(a.not());
      case NEG -> a.negate();
      case AND_REDUCE -> pattern.bitCount() == ta.width() ? BigInteger.ONE : BigInteger.ZERO;
      case OR_REDUCE -> pattern.signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
      case XOR_REDUCE -> BigInteger.valueOf(pattern.bitCount() & 1);
    };
  }

  static BigInteger binary(Op.BinaryKind kind, Type ta, BigInteger a, BigInteger b, Type result) {
    int cmp = a.compareTo(b);
    int width = ta.width();
    boolean saturated = b.compareTo(BigInteger.valueOf(width)) >= 0;
    int n = kind.isShift() ? b.min(BigInteger.valueOf(width)).intValueExact() : 0;
    return switch (kind) {
      case ADD -> result.wrap(a.add(b));
      case SUB -> result.wrap(a.subtract(b));
      case MUL -> result.wrap(a.multiply(b));
      case AND -> result.wrap(a.and(b));
      case OR -> result.wrap(a.or(b));
      case XOR -> result.wrap(a.xor(b));
      case EQ -> truth(cmp == 0);
      case NE -> truth(cmp != 0);
      case LT -> truth(cmp < 0);
      case LE -> truth(cmp <= 0);
      case GT -> truth(cmp > 0);
      case GE -> truth(cmp >= 0);
      case SHL -> saturated ? BigInteger.ZERO : result.wrap(a.shiftLeft(n));
      case SHR -> saturated ? BigInteger.ZERO : result.wrap(bits(a, width).shiftRight(n));
      case SRA -> result.wrap(Type.s(width).wrap(a).shiftRight(n));
    };
  }

  static BigInteger shiftBy(Op.ShiftKind kind, BigInteger a, int amount) {
    return kind == Op.ShiftKind.SHL ? a.shiftLeft(amount) : a.shiftRight(amount);
  }

  static BigInteger concat(List<Type> types, List<BigInteger> values) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < types.size(); i++) {
      acc = acc.shiftLeft(types.get(i).width()).or(bits(values.get(i), types.get(i).width()));
    }
    return acc;
  }

  static BigInteger slice(Type ta, BigInteger a, int hi, int lo) {
    return bits(bits(a, ta.width()).shiftRight(lo), hi - lo + 1);
  }

  private static BigInteger truth(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }
}
