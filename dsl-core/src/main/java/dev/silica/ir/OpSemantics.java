package dev.silica.ir;

import com.google.common.base.Preconditions;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * The reference meaning of every {@link Op}: what it computes on exact integer values, written
 * straight from the width table in this package's javadoc.
 *
 * <p>Values are {@link BigInteger}s in their type's range: {@code 0..2^W-1} for {@code uW}, {@code
 * -2^(W-1)..2^(W-1)-1} for {@code sW}. Where the table speaks of bits, a value's bits are its W-bit
 * two's complement pattern. This class is slow and obviously right; simulators, constant folding
 * and golden checks compare against it.
 */
public final class OpSemantics {

  private OpSemantics() {}

  /**
   * The value {@code op} computes.
   *
   * @param resultType the op's result type, as {@link TypeRules#resultType} gives it
   * @param valueOf the value of each operand, in the range of its type
   * @param typeOf the type of each operand
   * @throws IllegalArgumentException when an operand's value does not fit its type, or the result
   *     does not fit {@code resultType} (which then is not the op's result type)
   */
  public static BigInteger eval(
      Op op, Type resultType, Function<String, BigInteger> valueOf, Function<String, Type> typeOf) {
    Function<String, BigInteger> checkedValueOf =
        name -> {
          BigInteger v = valueOf.apply(name);
          Type t = typeOf.apply(name);
          Preconditions.checkArgument(t.fits(v), "operand %s = %s does not fit its type %s", name, v, t);
          return v;
        };
    BigInteger value = op.accept(new Evaluator(resultType, checkedValueOf, typeOf));
    Preconditions.checkArgument(
        resultType.fits(value), "%s gives %s, which does not fit the result type %s", op, value, resultType);
    return value;
  }

  /** The W bits of {@code value} (two's complement for negatives) as a non-negative number. */
  private static BigInteger bits(BigInteger value, int width) {
    return Type.u(width).wrap(value);
  }

  private static BigInteger bool(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }

  private static final class Evaluator implements Op.Visitor<BigInteger> {
    private final Type result;
    private final Function<String, BigInteger> valueOf;
    private final Function<String, Type> typeOf;

    Evaluator(Type result, Function<String, BigInteger> valueOf, Function<String, Type> typeOf) {
      this.result = result;
      this.valueOf = valueOf;
      this.typeOf = typeOf;
    }

    @Override
    public BigInteger visitConst(Op.Const c) {
      return c.value();
    }

    @Override
    public BigInteger visitUnary(Op.Unary u) {
      BigInteger a = valueOf.apply(u.a());
      int width = typeOf.apply(u.a()).width();
      return switch (u.kind()) {
        case NOT -> result.wrap(a.not());
        case NEG -> a.negate();
        case AND_REDUCE -> bool(bits(a, width).equals(Type.u(width).max()));
        case OR_REDUCE -> bool(a.signum() != 0);
        case XOR_REDUCE -> bool(bits(a, width).bitCount() % 2 == 1);
      };
    }

    @Override
    public BigInteger visitBinary(Op.Binary b) {
      BigInteger x = valueOf.apply(b.a());
      BigInteger y = valueOf.apply(b.b());
      return switch (b.kind()) {
        case ADD -> x.add(y);
        // Exact for signed operands; an unsigned difference below zero wraps modulo 2^W.
        case SUB -> result.wrap(x.subtract(y));
        case MUL -> x.multiply(y);
        // BigInteger's bitwise operations act on infinite two's complement, which agrees with the
        // W-bit patterns of two operands of the same type.
        case AND -> x.and(y);
        case OR -> x.or(y);
        case XOR -> x.xor(y);
        case EQ -> bool(x.compareTo(y) == 0);
        case NE -> bool(x.compareTo(y) != 0);
        case LT -> bool(x.compareTo(y) < 0);
        case LE -> bool(x.compareTo(y) <= 0);
        case GT -> bool(x.compareTo(y) > 0);
        case GE -> bool(x.compareTo(y) >= 0);
        case SHL -> shiftLeftWrapped(x, y);
        case SHR -> shiftRightLogical(x, y);
        case SRA -> shiftRightArithmetic(x, y);
      };
    }

    /** {@code (a * 2^n)} wrapped to the width of a; 0 once n reaches that width. */
    private BigInteger shiftLeftWrapped(BigInteger a, BigInteger n) {
      int width = result.width();
      return n.compareTo(BigInteger.valueOf(width)) >= 0 ? BigInteger.ZERO : result.wrap(a.shiftLeft(n.intValueExact()));
    }

    /** The W bits of a moved down by n with zeros shifted in, read back in a's type. */
    private BigInteger shiftRightLogical(BigInteger a, BigInteger n) {
      int width = result.width();
      if (n.compareTo(BigInteger.valueOf(width)) >= 0) {
        return BigInteger.ZERO;
      }
      return result.wrap(bits(a, width).shiftRight(n.intValueExact()));
    }

    /** The W bits of a moved down by n with copies of the top bit shifted in, read back in a's type. */
    private BigInteger shiftRightArithmetic(BigInteger a, BigInteger n) {
      int width = result.width();
      BigInteger topBitExtended = Type.s(width).wrap(a);
      int amount = n.min(BigInteger.valueOf(width)).intValueExact();
      return result.wrap(topBitExtended.shiftRight(amount));
    }

    @Override
    public BigInteger visitShiftBy(Op.ShiftBy s) {
      BigInteger a = valueOf.apply(s.a());
      return switch (s.kind()) {
        case SHL -> a.shiftLeft(s.amount());
        // BigInteger.shiftRight rounds toward negative infinity: floor(a / 2^k), exact per the table.
        case SHR -> a.shiftRight(s.amount());
      };
    }

    @Override
    public BigInteger visitMux(Op.Mux m) {
      return valueOf.apply(m.sel()).signum() != 0 ? valueOf.apply(m.whenTrue()) : valueOf.apply(m.whenFalse());
    }

    @Override
    public BigInteger visitConcat(Op.Concat c) {
      BigInteger acc = BigInteger.ZERO;
      for (String part : c.parts()) {
        int width = typeOf.apply(part).width();
        acc = acc.shiftLeft(width).or(bits(valueOf.apply(part), width));
      }
      return acc;
    }

    @Override
    public BigInteger visitSlice(Op.Slice s) {
      return bits(valueOf.apply(s.a()).shiftRight(s.lo()), s.hi() - s.lo() + 1);
    }

    @Override
    public BigInteger visitResize(Op.Resize r) {
      // Widening keeps the value (that is what extension by the operand's own sign means);
      // narrowing keeps the low bits, read in the same signedness: both are wrap().
      return result.wrap(valueOf.apply(r.a()));
    }

    @Override
    public BigInteger visitCast(Op.Cast c) {
      return result.wrap(valueOf.apply(c.a()));
    }
  }
}
