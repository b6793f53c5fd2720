package dev.silica.ir;

import java.util.function.Function;

/**
 * The width and signedness law of the IR: the result type of every {@link Op}, or the reason its
 * operands are illegal. Every backend, pass and golden model follows these rules; they are
 * tabulated in the package javadoc.
 */
public final class TypeRules {

  private TypeRules() {}

  /**
   * The type {@code op} produces from operands whose types {@code typeOf} gives.
   *
   * @throws TypeRuleViolation naming the operation and the offending types
   */
  public static Type resultType(Op op, Function<String, Type> typeOf) {
    return op.accept(
        new Op.Visitor<Type>() {
          @Override
          public Type visitConst(Op.Const c) {
            return c.type();
          }

          @Override
          public Type visitUnary(Op.Unary u) {
            return unary(u.kind(), typeOf.apply(u.a()));
          }

          @Override
          public Type visitBinary(Op.Binary b) {
            return binary(b.kind(), typeOf.apply(b.a()), typeOf.apply(b.b()));
          }

          @Override
          public Type visitShiftBy(Op.ShiftBy s) {
            return shiftBy(s, typeOf.apply(s.a()));
          }

          @Override
          public Type visitMux(Op.Mux m) {
            return mux(typeOf.apply(m.sel()), typeOf.apply(m.whenTrue()), typeOf.apply(m.whenFalse()));
          }

          @Override
          public Type visitConcat(Op.Concat c) {
            long width = c.parts().stream().mapToLong(p -> typeOf.apply(p).width()).sum();
            return Type.u(checkedWidth(width, "cat"));
          }

          @Override
          public Type visitSlice(Op.Slice s) {
            return slice(s, typeOf.apply(s.a()));
          }

          @Override
          public Type visitResize(Op.Resize r) {
            return typeOf.apply(r.a()).withWidth(checkedWidth(r.width(), "resize"));
          }

          @Override
          public Type visitCast(Op.Cast c) {
            return new Type(typeOf.apply(c.a()).width(), c.signed());
          }
        });
  }

  private static Type unary(Op.UnaryKind kind, Type a) {
    return switch (kind) {
      case NOT -> a;
      case NEG -> {
        if (!a.signed()) {
          throw new TypeRuleViolation("neg of unsigned " + a + ": cast it to signed first");
        }
        yield Type.s(checkedWidth(a.width() + 1L, "neg"));
      }
      case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> Type.bool();
    };
  }

  private static Type binary(Op.BinaryKind kind, Type a, Type b) {
    if (kind.isShift()) {
      if (b.signed()) {
        throw new TypeRuleViolation(kind.mnemonic() + " by a signed amount " + b + ": shift amounts are unsigned");
      }
      return a;
    }
    if (a.signed() != b.signed()) {
      throw new TypeRuleViolation(
          kind.mnemonic() + " mixes signed and unsigned (" + a + ", " + b + "): cast one of them explicitly");
    }
    int wider = Math.max(a.width(), b.width());
    return switch (kind) {
      case ADD, SUB -> a.withWidth(checkedWidth(wider + 1L, kind.mnemonic()));
      case MUL -> a.withWidth(checkedWidth((long) a.width() + b.width(), "mul"));
      case AND, OR, XOR -> {
        if (a.width() != b.width()) {
          throw new TypeRuleViolation(
              kind.mnemonic() + " of different widths (" + a + ", " + b + "): resize one of them explicitly");
        }
        yield a;
      }
      case EQ, NE, LT, LE, GT, GE -> Type.bool();
      case SHL, SHR, SRA -> throw new AssertionError(kind);
    };
  }

  private static Type shiftBy(Op.ShiftBy s, Type a) {
    return switch (s.kind()) {
      case SHL -> a.withWidth(checkedWidth((long) a.width() + s.amount(), "shlc"));
      case SHR -> a.withWidth(Math.max(a.width() - s.amount(), 1));
    };
  }

  private static Type mux(Type sel, Type whenTrue, Type whenFalse) {
    if (!sel.equals(Type.bool())) {
      throw new TypeRuleViolation("mux select is " + sel + ", it must be u1");
    }
    if (!whenTrue.equals(whenFalse)) {
      throw new TypeRuleViolation(
          "mux arms differ (" + whenTrue + ", " + whenFalse + "): resize or cast one of them explicitly");
    }
    return whenTrue;
  }

  private static Type slice(Op.Slice s, Type a) {
    if (s.hi() >= a.width()) {
      throw new TypeRuleViolation("slice [" + s.hi() + ":" + s.lo() + "] is out of range for " + a);
    }
    return Type.u(s.hi() - s.lo() + 1);
  }

  private static int checkedWidth(long width, String what) {
    if (width < 1 || width > Type.MAX_WIDTH) {
      throw new TypeRuleViolation(what + " would be " + width + " bits wide, outside 1.." + Type.MAX_WIDTH);
    }
    return (int) width;
  }

  /** An operation whose operand types break the width table. */
  public static final class TypeRuleViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TypeRuleViolation(String message) {
      super(message);
    }
  }
}
