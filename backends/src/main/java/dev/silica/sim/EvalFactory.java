package dev.silica.sim;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.util.function.Function;

/**
 * Picks the evaluator for one node: a one-word class when the result and every operand fit in 64
 * bits, a word-by-word class otherwise. Constants have no evaluator: their slots are filled once.
 */
final class EvalFactory implements Op.Visitor<Eval> {

  private final Run d;
  private final Function<String, Run> runOf;

  private EvalFactory(Run d, Function<String, Run> runOf) {
    this.d = d;
    this.runOf = runOf;
  }

  /** The evaluator of {@code node}, or null for a constant. */
  static Eval of(Node node, Run result, Function<String, Run> runOf) {
    return node.op().accept(new EvalFactory(result, runOf));
  }

  private boolean narrow(Run... operands) {
    if (d.n > 1) {
      return false;
    }
    for (Run r : operands) {
      if (r.n > 1) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Eval visitConst(Op.Const op) {
    return null;
  }

  @Override
  public Eval visitUnary(Op.Unary op) {
    Run a = runOf.apply(op.a());
    if (op.kind() == Op.UnaryKind.NOT) {
      return narrow(a) ? new NarrowOps.Not(d.base, a.base, d.signed ? -1L : Words.lowMask(d.width))
          : new WideOps.Bitwise(d, a, null, Op.BinaryKind.XOR);
    }
    if (op.kind() == Op.UnaryKind.NEG) {
      return narrow(a) ? new NarrowOps.Neg(d.base, a.base) : new WideOps.Neg(d, a);
    }
    if (!narrow(a)) {
      return new WideOps.Reduce(d.base, a, op.kind());
    }
    return switch (op.kind()) {
      case AND_REDUCE -> new NarrowOps.AndReduce(d.base, a.base, a.signed ? -1L : Words.lowMask(a.width));
      case OR_REDUCE -> new NarrowOps.OrReduce(d.base, a.base);
      default -> new NarrowOps.XorReduce(d.base, a.base, Words.lowMask(a.width));
    };
  }

  @Override
  public Eval visitBinary(Op.Binary op) {
    Run a = runOf.apply(op.a());
    Run b = runOf.apply(op.b());
    if (!narrow(a, b)) {
      return switch (op.kind()) {
        case ADD -> new WideOps.AddSub(d, a, b, false);
        case SUB -> new WideOps.AddSub(d, a, b, true);
        case MUL -> new WideOps.Mul(d, a, b);
        case AND, OR, XOR -> new WideOps.Bitwise(d, a, b, op.kind());
        case EQ, NE, LT, LE, GT, GE -> new WideOps.Compare(d.base, a, b, op.kind());
        case SHL, SHR, SRA -> new WideOps.DynamicShift(d, a, b, op.kind());
      };
    }
    int x = a.base;
    int y = b.base;
    boolean signed = a.signed;
    return switch (op.kind()) {
      case ADD -> new NarrowOps.Add(d.base, x, y);
      case SUB -> new NarrowOps.Sub(d.base, x, y, d.width, d.signed);
      case MUL -> new NarrowOps.Mul(d.base, x, y);
      case AND -> new NarrowOps.And(d.base, x, y);
      case OR -> new NarrowOps.Or(d.base, x, y);
      case XOR -> new NarrowOps.Xor(d.base, x, y);
      case EQ -> new NarrowOps.Eq(d.base, x, y);
      case NE -> new NarrowOps.Ne(d.base, x, y);
      case LT -> signed ? new NarrowOps.LtSigned(d.base, x, y) : new NarrowOps.LtUnsigned(d.base, x, y);
      case LE -> signed ? new NarrowOps.LeSigned(d.base, x, y) : new NarrowOps.LeUnsigned(d.base, x, y);
      case GT -> signed ? new NarrowOps.LtSigned(d.base, y, x) : new NarrowOps.LtUnsigned(d.base, y, x);
      case GE -> signed ? new NarrowOps.LeSigned(d.base, y, x) : new NarrowOps.LeUnsigned(d.base, y, x);
      case SHL -> new NarrowOps.Shl(d.base, x, y, d.width, d.signed);
      case SHR -> new NarrowOps.Shr(d.base, x, y, d.width, d.signed);
      case SRA -> new NarrowOps.Sra(d.base, x, y, d.width, d.signed);
    };
  }

  @Override
  public Eval visitShiftBy(Op.ShiftBy op) {
    Run a = runOf.apply(op.a());
    boolean left = op.kind() == Op.ShiftKind.SHL;
    if (!narrow(a)) {
      return new WideOps.Window(d, a, left ? -(long) op.amount() : op.amount());
    }
    return left
        ? new NarrowOps.ShlConst(d.base, a.base, op.amount())
        : new NarrowOps.ShrConst(d.base, a.base, op.amount(), a.signed);
  }

  @Override
  public Eval visitMux(Op.Mux op) {
    Run s = runOf.apply(op.sel());
    Run t = runOf.apply(op.whenTrue());
    Run f = runOf.apply(op.whenFalse());
    return narrow(t) ? new NarrowOps.Mux(d.base, s.base, t.base, f.base) : new WideOps.Mux(d, s.base, t, f);
  }

  @Override
  public Eval visitConcat(Op.Concat op) {
    Run[] parts = op.parts().stream().map(runOf).toArray(Run[]::new);
    if (d.n > 1) {
      return new WideOps.Concat(d, parts);
    }
    if (parts.length == 2) {
      return new NarrowOps.Concat2(d.base, parts[0].base, parts[1].base, parts[0].width, parts[1].width);
    }
    int[] bases = new int[parts.length];
    int[] widths = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bases[i] = parts[i].base;
      widths[i] = parts[i].width;
    }
    return new NarrowOps.ConcatN(d.base, bases, widths);
  }

  @Override
  public Eval visitSlice(Op.Slice op) {
    Run a = runOf.apply(op.a());
    return narrow(a) ? new NarrowOps.Slice(d.base, a.base, op.lo(), d.width) : new WideOps.Window(d, a, op.lo());
  }

  @Override
  public Eval visitResize(Op.Resize op) {
    return reinterpret(runOf.apply(op.a()));
  }

  @Override
  public Eval visitCast(Op.Cast op) {
    return reinterpret(runOf.apply(op.a()));
  }

  private Eval reinterpret(Run a) {
    return narrow(a) ? new NarrowOps.Normalize(d.base, a.base, d.width, d.signed) : new WideOps.Window(d, a, 0);
  }
}
