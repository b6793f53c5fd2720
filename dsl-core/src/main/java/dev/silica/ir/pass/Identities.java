package dev.silica.ir.pass;

import com.google.common.base.Preconditions;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;

/**
 * Algebraic identities that hold exactly under the width table, for {@link FoldConstants}. Each
 * rule either gives a cheaper operation of the same result type or names an existing signal of
 * exactly that type which the node equals:
 *
 * <ul>
 *   <li>{@code x+0, 0+x, x-0, x*1, 1*x}: {@code resize x} to the result width (the value is kept);
 *       {@code x*0, 0*x, x-x}: 0.
 *   <li>{@code x&0}: 0; {@code x&~0, x&x, x|0, x|x, x^0}: x; {@code x|~0}: ~0; {@code x^~0}: {@code
 *       not x}; {@code x^x}: 0; {@code not not x}: x.
 *   <li>{@code x==x, x<=x, x>=x}: 1; {@code x!=x, x<x, x>x}: 0.
 *   <li>dynamic shifts by 0: x; {@code shl}/{@code shr} by at least the width, and any shift of 0:
 *       0; constant shifts by 0: x.
 *   <li>{@code mux} with a constant select or equal arms: that arm; on u1 arms {@code mux s,1,0}:
 *       s, {@code mux s,0,1}: {@code not s}.
 *   <li>{@code resize} to the operand's own width, {@code cast} to its own signedness, {@code cast}
 *       back through a {@code cast}, a {@code slice} of all of an unsigned value, a {@code cat} of
 *       one unsigned part, a reduction of a {@code u1}: the operand.
 * </ul>
 */
final class Identities {

  /** A node's new operation, or the name of the signal that replaces it (exactly one is set). */
  record Rewrite(Op op, String replacement) {
    static Rewrite to(Op op) {
      return new Rewrite(op, null);
    }

    static Rewrite replaceBy(String signal) {
      return new Rewrite(null, signal);
    }
  }

  private final Function<String, Type> typeOf;
  private final Function<String, Optional<Op>> opOf;

  /**
   * @param typeOf the type of every signal
   * @param opOf the operation of a node as already rewritten, empty for signals that are not nodes
   */
  Identities(Function<String, Type> typeOf, Function<String, Optional<Op>> opOf) {
    this.typeOf = typeOf;
    this.opOf = opOf;
  }

  /** The simplest equivalent of {@code op}, whose result type is {@code type}. */
  Rewrite apply(Type type, Op op) {
    Rewrite r = op.accept(new Rules(type));
    if (r.replacement() != null) {
      Preconditions.checkState(
          typeOf.apply(r.replacement()).equals(type), "identity replaces a %s by %s", type, r.replacement());
    }
    return r;
  }

  private Optional<BigInteger> constant(String name) {
    return opOf.apply(name).filter(Op.Const.class::isInstance).map(op -> ((Op.Const) op).value());
  }

  private boolean isConstant(String name, long value) {
    return constant(name).map(BigInteger.valueOf(value)::equals).orElse(false);
  }

  private boolean isAllOnes(String name) {
    Type t = typeOf.apply(name);
    return constant(name).map(t.wrap(BigInteger.ONE.negate())::equals).orElse(false);
  }

  private final class Rules implements Op.Visitor<Rewrite> {
    private final Type type;

    Rules(Type type) {
      this.type = type;
    }

    private Rewrite zero() {
      return Rewrite.to(new Op.Const(BigInteger.ZERO, type));
    }

    private Rewrite constant(BigInteger value) {
      return Rewrite.to(new Op.Const(value, type));
    }

    private Rewrite resized(String a) {
      return Rewrite.to(new Op.Resize(a, type.width()));
    }

    private Rewrite keep(Op op) {
      return Rewrite.to(op);
    }

    @Override
    public Rewrite visitConst(Op.Const c) {
      return keep(c);
    }

    @Override
    public Rewrite visitUnary(Op.Unary u) {
      if (u.kind() == Op.UnaryKind.NOT) {
        Optional<Op> inner = opOf.apply(u.a());
        if (inner.isPresent() && inner.get() instanceof Op.Unary in && in.kind() == Op.UnaryKind.NOT) {
          return Rewrite.replaceBy(in.a());
        }
      } else if (u.kind() != Op.UnaryKind.NEG && typeOf.apply(u.a()).equals(Type.bool())) {
        return Rewrite.replaceBy(u.a());
      }
      return keep(u);
    }

    @Override
    public Rewrite visitBinary(Op.Binary b) {
      return switch (b.kind()) {
        case ADD -> add(b);
        case SUB -> sub(b);
        case MUL -> mul(b);
        case AND -> and(b);
        case OR -> or(b);
        case XOR -> xor(b);
        case EQ, LE, GE -> b.a().equals(b.b()) ? constant(BigInteger.ONE) : keep(b);
        case NE, LT, GT -> b.a().equals(b.b()) ? zero() : keep(b);
        case SHL, SHR, SRA -> dynamicShift(b);
      };
    }

    private Rewrite add(Op.Binary b) {
      if (isConstant(b.b(), 0)) {
        return resized(b.a());
      }
      return isConstant(b.a(), 0) ? resized(b.b()) : keep(b);
    }

    private Rewrite sub(Op.Binary b) {
      if (isConstant(b.b(), 0)) {
        return resized(b.a());
      }
      return b.a().equals(b.b()) ? zero() : keep(b);
    }

    private Rewrite mul(Op.Binary b) {
      if (isConstant(b.a(), 0) || isConstant(b.b(), 0)) {
        return zero();
      }
      if (isConstant(b.b(), 1)) {
        return resized(b.a());
      }
      return isConstant(b.a(), 1) ? resized(b.b()) : keep(b);
    }

    private Rewrite and(Op.Binary b) {
      if (isConstant(b.a(), 0) || isConstant(b.b(), 0)) {
        return zero();
      }
      if (isAllOnes(b.b()) || b.a().equals(b.b())) {
        return Rewrite.replaceBy(b.a());
      }
      return isAllOnes(b.a()) ? Rewrite.replaceBy(b.b()) : keep(b);
    }

    private Rewrite or(Op.Binary b) {
      if (isAllOnes(b.a()) || isAllOnes(b.b())) {
        return constant(type.wrap(BigInteger.ONE.negate()));
      }
      if (isConstant(b.b(), 0) || b.a().equals(b.b())) {
        return Rewrite.replaceBy(b.a());
      }
      return isConstant(b.a(), 0) ? Rewrite.replaceBy(b.b()) : keep(b);
    }

    private Rewrite xor(Op.Binary b) {
      if (b.a().equals(b.b())) {
        return zero();
      }
      if (isConstant(b.b(), 0)) {
        return Rewrite.replaceBy(b.a());
      }
      if (isConstant(b.a(), 0)) {
        return Rewrite.replaceBy(b.b());
      }
      if (isAllOnes(b.b())) {
        return keep(new Op.Unary(Op.UnaryKind.NOT, b.a()));
      }
      return isAllOnes(b.a()) ? keep(new Op.Unary(Op.UnaryKind.NOT, b.b())) : keep(b);
    }

    private Rewrite dynamicShift(Op.Binary b) {
      if (isConstant(b.b(), 0)) {
        return Rewrite.replaceBy(b.a());
      }
      if (isConstant(b.a(), 0)) {
        return zero();
      }
      boolean shiftsEverythingOut =
          Identities.this.constant(b.b()).map(n -> n.compareTo(BigInteger.valueOf(type.width())) >= 0).orElse(false);
      return shiftsEverythingOut && b.kind() != Op.BinaryKind.SRA ? zero() : keep(b);
    }

    @Override
    public Rewrite visitShiftBy(Op.ShiftBy s) {
      return s.amount() == 0 ? Rewrite.replaceBy(s.a()) : keep(s);
    }

    @Override
    public Rewrite visitMux(Op.Mux m) {
      Optional<BigInteger> sel = Identities.this.constant(m.sel());
      if (sel.isPresent()) {
        return Rewrite.replaceBy(sel.get().signum() != 0 ? m.whenTrue() : m.whenFalse());
      }
      if (m.whenTrue().equals(m.whenFalse())) {
        return Rewrite.replaceBy(m.whenTrue());
      }
      if (type.equals(Type.bool()) && isConstant(m.whenTrue(), 1) && isConstant(m.whenFalse(), 0)) {
        return Rewrite.replaceBy(m.sel());
      }
      if (type.equals(Type.bool()) && isConstant(m.whenTrue(), 0) && isConstant(m.whenFalse(), 1)) {
        return keep(new Op.Unary(Op.UnaryKind.NOT, m.sel()));
      }
      return keep(m);
    }

    @Override
    public Rewrite visitConcat(Op.Concat c) {
      return c.parts().size() == 1 && typeOf.apply(c.parts().get(0)).equals(type)
          ? Rewrite.replaceBy(c.parts().get(0))
          : keep(c);
    }

    @Override
    public Rewrite visitSlice(Op.Slice s) {
      return typeOf.apply(s.a()).equals(type) && s.lo() == 0 ? Rewrite.replaceBy(s.a()) : keep(s);
    }

    @Override
    public Rewrite visitResize(Op.Resize r) {
      return typeOf.apply(r.a()).equals(type) ? Rewrite.replaceBy(r.a()) : keep(r);
    }

    @Override
    public Rewrite visitCast(Op.Cast c) {
      if (typeOf.apply(c.a()).equals(type)) {
        return Rewrite.replaceBy(c.a());
      }
      Optional<Op> inner = opOf.apply(c.a());
      if (inner.isPresent() && inner.get() instanceof Op.Cast in && typeOf.apply(in.a()).equals(type)) {
        return Rewrite.replaceBy(in.a());
      }
      return keep(c);
    }
  }
}
