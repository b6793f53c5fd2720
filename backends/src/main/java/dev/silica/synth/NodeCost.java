package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;

/**
 * What one node of the flat module costs, by the coster of the logic it maps to: {@link AdderCost},
 * {@link ComparisonCost}, {@link MultiplierCost}, {@link LogicConeCost} or {@link LogicOpCost}.
 * Wiring (constants, slices, concatenations, resizes, casts, constant shifts, inverters) and nodes
 * nothing observable depends on cost nothing.
 */
final class NodeCost {

  private final NetlistFacts facts;
  private final AdderCost adders;
  private final ComparisonCost comparisons;
  private final MultiplierCost multipliers;
  private final LogicConeCost cones;
  private final LogicOpCost logic;

  NodeCost(NetlistFacts facts, KnownZeroBits zeros, DspMapping dsp, AbsorbedSelects absorbed,
      LogicCones logicCones) {
    this.facts = facts;
    this.adders = new AdderCost(facts, zeros, dsp);
    this.comparisons = new ComparisonCost(facts, absorbed);
    this.multipliers = new MultiplierCost(facts, dsp);
    this.cones = new LogicConeCost(facts, logicCones);
    this.logic = new LogicOpCost(facts);
  }

  /** The cost of {@code n}. */
  ResourceCount of(Node n) {
    if (facts.demanded().width(n.name()) == 0) {
      return ResourceCount.none();
    }
    return n.op().accept(new ByOperation(n));
  }

  /** Routes one node's operation to its coster; every kind of operation is decided here. */
  private final class ByOperation implements Op.Visitor<ResourceCount> {
    private final Node n;

    ByOperation(Node n) {
      this.n = n;
    }

    @Override
    public ResourceCount visitConst(Op.Const op) {
      return ResourceCount.none();
    }

    @Override
    public ResourceCount visitUnary(Op.Unary op) {
      return switch (op.kind()) {
        case NOT -> ResourceCount.none();
        case NEG -> adders.negation(n);
        case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> logic.reduction(op);
      };
    }

    @Override
    public ResourceCount visitBinary(Op.Binary op) {
      return switch (op.kind()) {
        case ADD, SUB -> adders.sum(n, op);
        case LT, LE, GT, GE -> comparisons.ordered(n, op);
        case EQ, NE -> comparisons.equality(n, op);
        case MUL -> multipliers.of(n, op);
        case AND, OR, XOR -> cones.of(n);
        case SHL, SHR, SRA -> logic.dynamicShift(op);
      };
    }

    @Override
    public ResourceCount visitShiftBy(Op.ShiftBy op) {
      return ResourceCount.none();
    }

    @Override
    public ResourceCount visitMux(Op.Mux op) {
      return cones.of(n);
    }

    @Override
    public ResourceCount visitConcat(Op.Concat op) {
      return ResourceCount.none();
    }

    @Override
    public ResourceCount visitSlice(Op.Slice op) {
      return ResourceCount.none();
    }

    @Override
    public ResourceCount visitResize(Op.Resize op) {
      return ResourceCount.none();
    }

    @Override
    public ResourceCount visitCast(Op.Cast op) {
      return ResourceCount.none();
    }
  }
}
