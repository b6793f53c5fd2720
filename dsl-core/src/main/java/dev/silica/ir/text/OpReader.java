package dev.silica.ir.text;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Builds the {@link Op} of one node from its parse tree, checking that every operand is a signal
 * of the module and that a constant fits the node's declared type.
 */
final class OpReader extends SirBaseVisitor<Op> {

  private static final ImmutableMap<String, Op.UnaryKind> UNARY =
      Maps.uniqueIndex(Arrays.asList(Op.UnaryKind.values()), Op.UnaryKind::mnemonic);
  private static final ImmutableMap<String, Op.BinaryKind> BINARY =
      Maps.uniqueIndex(Arrays.asList(Op.BinaryKind.values()), Op.BinaryKind::mnemonic);
  private static final ImmutableMap<String, Op.ShiftKind> SHIFT =
      Maps.uniqueIndex(Arrays.asList(Op.ShiftKind.values()), Op.ShiftKind::mnemonic);

  private final TreeLeaves leaves;
  private final ModuleScope scope;
  private final Type declared;

  /** A reader for a node of type {@code declared} (the type of its constant, if it is one). */
  OpReader(TreeLeaves leaves, ModuleScope scope, Type declared) {
    this.leaves = leaves;
    this.scope = scope;
    this.declared = declared;
  }

  @Override
  public Op visitConstOp(Sir.ConstOpContext ctx) {
    BigInteger value = leaves.number(ctx.number());
    if (!declared.fits(value)) {
      throw leaves.error(
          ctx.number().start,
          "the constant " + value + " does not fit " + declared + " (" + declared.min() + ".." + declared.max() + ")");
    }
    return new Op.Const(value, declared);
  }

  @Override
  public Op visitUnaryOp(Sir.UnaryOpContext ctx) {
    return new Op.Unary(UNARY.get(ctx.kind.getText()), scope.use(ctx.a));
  }

  @Override
  public Op visitBinaryOp(Sir.BinaryOpContext ctx) {
    return new Op.Binary(BINARY.get(ctx.kind.getText()), scope.use(ctx.a), scope.use(ctx.b));
  }

  @Override
  public Op visitShiftByOp(Sir.ShiftByOpContext ctx) {
    return new Op.ShiftBy(SHIFT.get(ctx.kind.getText()), scope.use(ctx.a), leaves.count(ctx.amount));
  }

  @Override
  public Op visitMuxOp(Sir.MuxOpContext ctx) {
    return new Op.Mux(scope.use(ctx.sel), scope.use(ctx.whenTrue), scope.use(ctx.whenFalse));
  }

  @Override
  public Op visitCatOp(Sir.CatOpContext ctx) {
    return new Op.Concat(ctx.name().stream().map(scope::use).collect(ImmutableList.toImmutableList()));
  }

  @Override
  public Op visitSliceOp(Sir.SliceOpContext ctx) {
    int hi = leaves.count(ctx.hi);
    int lo = leaves.count(ctx.lo);
    if (lo > hi) {
      throw leaves.error(ctx.lo, "slice bounds are hi, lo: " + lo + " is above " + hi);
    }
    return new Op.Slice(scope.use(ctx.a), hi, lo);
  }

  @Override
  public Op visitResizeOp(Sir.ResizeOpContext ctx) {
    return new Op.Resize(scope.use(ctx.a), leaves.count(ctx.width));
  }

  @Override
  public Op visitCastOp(Sir.CastOpContext ctx) {
    return new Op.Cast(scope.use(ctx.a), ctx.sign.getType() == Sir.SIGNED);
  }
}
