package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a tree of 2:1 multiplexers costs, counted at its root: per demanded bit, one LUT6 per five
 * inputs (data leaves and selects, constants excluded). A select that is an {@linkplain
 * AbsorbedSelects absorbed comparison} counts as the bits deciding it. Nothing for a multiplexer
 * between a value and zero read only by an adder: an AND gate inside the adder's LUTs.
 */
final class MuxTreeCost {

  private final NetlistFacts facts;
  private final AbsorbedSelects absorbed;

  MuxTreeCost(NetlistFacts facts, AbsorbedSelects absorbed) {
    this.facts = facts;
    this.absorbed = absorbed;
  }

  /** The cost of node {@code n}, a multiplexer: its tree's LUTs when it is a root, else nothing. */
  ResourceCount of(Node n) {
    if (isInnerMux(n) || isGatedAddend(n)) {
      return ResourceCount.none();
    }
    Set<String> inputs = new HashSet<>();
    collectInputs(n, inputs);
    return ResourceCount.of(Resource.LUT_AS_LOGIC, facts.demanded().width(n.name()) * Math.max(1, Fabric.lutTree(inputs.size())));
  }

  /** A multiplexer read only by one other multiplexer, as a data input, is part of that one's tree. */
  private boolean isInnerMux(Node n) {
    return facts.readerCount(n.name()) == 1
        && facts.readers(n.name()).get(0).op() instanceof Op.Mux m
        && (m.whenTrue().equals(n.name()) || m.whenFalse().equals(n.name()));
  }

  private void collectInputs(Node mux, Set<String> inputs) {
    Op.Mux m = (Op.Mux) mux.op();
    absorbed.get(m.sel()).ifPresentOrElse(
        select -> {
          int w = facts.type(select.variable()).width();
          for (int bit = w - select.decidingBits(); bit < w; bit++) {
            inputs.add(select.variable() + "[" + bit + "]");
          }
        },
        () -> inputs.add(m.sel()));
    for (String arm : List.of(m.whenTrue(), m.whenFalse())) {
      Node armNode = facts.node(arm);
      if (armNode != null && armNode.op() instanceof Op.Mux && isInnerMux(armNode)) {
        collectInputs(armNode, inputs);
      } else if (!facts.isConstant(arm)) {
        inputs.add(arm);
      }
    }
  }

  /**
   * Whether {@code n} is a multiplexer between a value and zero (an AND gate per bit) read only by
   * an adder, through wiring: the gate goes into the adder's LUTs, which have inputs to spare.
   */
  private boolean isGatedAddend(Node n) {
    if (!(n.op() instanceof Op.Mux m) || !(facts.isZero(m.whenTrue()) || facts.isZero(m.whenFalse()))) {
      return false;
    }
    if (facts.readerCount(n.name()) != 1 || facts.isReadOutsideNodes(n.name())) {
      return false;
    }
    Node reader = facts.readers(n.name()).get(0);
    while ((reader.op() instanceof Op.Resize || reader.op() instanceof Op.Cast) && facts.readerCount(reader.name()) == 1
        && !facts.isReadOutsideNodes(reader.name())) {
      reader = facts.readers(reader.name()).get(0);
    }
    return reader.op() instanceof Op.Binary b && (b.kind() == Op.BinaryKind.ADD || b.kind() == Op.BinaryKind.SUB);
  }
}
