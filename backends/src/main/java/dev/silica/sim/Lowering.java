package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.util.function.Function;

/**
 * Lowers one node to steps, the only place that maps the IR's operations to the simulator's: a
 * {@link NarrowOps} step when the result and every operand fit in 64 bits (a concatenation of
 * several parts becomes one step per part), a {@link StepKind#CALL} of a word-by-word {@link
 * WideOps} object otherwise. Constants have no steps: their slots are filled once.
 */
final class Lowering implements Op.Visitor<ImmutableList<Step>> {

  private final Run d;
  private final Function<String, Run> runOf;

  private Lowering(Run d, Function<String, Run> runOf) {
    this.d = d;
    this.runOf = runOf;
  }

  /** The steps computing {@code node} into {@code result}. */
  static ImmutableList<Step> of(Node node, Run result, Function<String, Run> runOf) {
    return node.op().accept(new Lowering(result, runOf));
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

  private ImmutableList<Step> step(StepKind kind, int[] args, long... params) {
    return ImmutableList.of(Step.of(kind, d.base, args, params));
  }

  /** A step calling {@code eval}, which reads the words of {@code reads}. */
  private static ImmutableList<Step> call(Eval eval, Run... reads) {
    return ImmutableList.of(Step.call(eval, Step.words(reads)));
  }

  private static int[] slots(Run... runs) {
    int[] slots = new int[runs.length];
    for (int i = 0; i < runs.length; i++) {
      slots[i] = runs[i].base;
    }
    return slots;
  }

  private static long flag(boolean b) {
    return b ? 1 : 0;
  }

  @Override
  public ImmutableList<Step> visitConst(Op.Const op) {
    return ImmutableList.of();
  }

  @Override
  public ImmutableList<Step> visitUnary(Op.Unary op) {
    Run a = runOf.apply(op.a());
    if (!narrow(a)) {
      return switch (op.kind()) {
        case NOT -> call(new WideOps.Bitwise(d, a, null, Op.BinaryKind.XOR), a);
        case NEG -> call(new WideOps.Neg(d, a), a);
        default -> call(new WideOps.Reduce(d.base, a, op.kind()), a);
      };
    }
    int[] x = slots(a);
    return switch (op.kind()) {
      case NOT -> step(StepKind.NOT, x, d.signed ? -1L : Words.lowMask(d.width));
      case NEG -> step(StepKind.NEG, x);
      case AND_REDUCE -> step(StepKind.AND_REDUCE, x, a.signed ? -1L : Words.lowMask(a.width));
      case OR_REDUCE -> step(StepKind.OR_REDUCE, x);
      case XOR_REDUCE -> step(StepKind.XOR_REDUCE, x, Words.lowMask(a.width));
    };
  }

  @Override
  public ImmutableList<Step> visitBinary(Op.Binary op) {
    Run a = runOf.apply(op.a());
    Run b = runOf.apply(op.b());
    if (!narrow(a, b)) {
      return call(switch (op.kind()) {
        case ADD -> new WideOps.AddSub(d, a, b, false);
        case SUB -> new WideOps.AddSub(d, a, b, true);
        case MUL -> new WideOps.Mul(d, a, b);
        case AND, OR, XOR -> new WideOps.Bitwise(d, a, b, op.kind());
        case EQ, NE, LT, LE, GT, GE -> new WideOps.Compare(d.base, a, b, op.kind());
        case SHL, SHR, SRA -> new WideOps.DynamicShift(d, a, b, op.kind());
      }, a, b);
    }
    int[] xy = slots(a, b);
    int[] yx = slots(b, a);
    // Unsigned words below 64 bits are non-negative longs, so the signed comparison orders them.
    boolean plain = a.signed || (a.width < 64 && b.width < 64);
    StepKind lt = plain ? StepKind.LT : StepKind.LT_UNSIGNED;
    StepKind le = plain ? StepKind.LE : StepKind.LE_UNSIGNED;
    long signed = flag(d.signed);
    return switch (op.kind()) {
      case ADD -> step(StepKind.ADD, xy);
      case SUB -> step(StepKind.SUB, xy, d.width, signed);
      case MUL -> step(StepKind.MUL, xy);
      case AND -> step(StepKind.AND, xy);
      case OR -> step(StepKind.OR, xy);
      case XOR -> step(StepKind.XOR, xy);
      case EQ -> step(StepKind.EQ, xy);
      case NE -> step(StepKind.NE, xy);
      case LT -> step(lt, xy);
      case LE -> step(le, xy);
      case GT -> step(lt, yx);
      case GE -> step(le, yx);
      case SHL -> step(StepKind.SHL, xy, d.width, signed);
      case SHR -> step(StepKind.SHR, xy, d.width, signed);
      case SRA -> step(StepKind.SRA, xy, d.width, signed);
    };
  }

  @Override
  public ImmutableList<Step> visitShiftBy(Op.ShiftBy op) {
    Run a = runOf.apply(op.a());
    boolean left = op.kind() == Op.ShiftKind.SHL;
    if (!narrow(a)) {
      return call(new WideOps.Window(d, a, left ? -(long) op.amount() : op.amount()), a);
    }
    return left
        ? step(StepKind.SHL_CONST, slots(a), op.amount())
        : step(StepKind.SHR_CONST, slots(a), Math.min(op.amount(), 64), flag(a.signed));
  }

  @Override
  public ImmutableList<Step> visitMux(Op.Mux op) {
    Run s = runOf.apply(op.sel());
    Run t = runOf.apply(op.whenTrue());
    Run f = runOf.apply(op.whenFalse());
    return narrow(t) ? step(StepKind.MUX, slots(s, t, f)) : call(new WideOps.Mux(d, s.base, t, f), s, t, f);
  }

  @Override
  public ImmutableList<Step> visitConcat(Op.Concat op) {
    Run[] parts = op.parts().stream().map(runOf).toArray(Run[]::new);
    if (d.n > 1) {
      return call(new WideOps.Concat(d, parts), parts);
    }
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    steps.add(Step.of(StepKind.MASK, d.base, slots(parts[0]), Words.lowMask(parts[0].width)));
    for (int i = 1; i < parts.length; i++) {
      steps.add(Step.of(StepKind.APPEND, d.base, slots(d, parts[i]), parts[i].width));
    }
    return steps.build();
  }

  @Override
  public ImmutableList<Step> visitSlice(Op.Slice op) {
    Run a = runOf.apply(op.a());
    return narrow(a)
        ? step(StepKind.SLICE, slots(a), op.lo(), Words.lowMask(d.width))
        : call(new WideOps.Window(d, a, op.lo()), a);
  }

  @Override
  public ImmutableList<Step> visitResize(Op.Resize op) {
    return reinterpret(runOf.apply(op.a()));
  }

  @Override
  public ImmutableList<Step> visitCast(Op.Cast op) {
    return reinterpret(runOf.apply(op.a()));
  }

  private ImmutableList<Step> reinterpret(Run a) {
    return narrow(a)
        ? step(StepKind.NORMALIZE, slots(a), d.width, flag(d.signed))
        : call(new WideOps.Window(d, a, 0), a);
  }
}
