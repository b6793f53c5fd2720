package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * What bitwise logic and multiplexers cost, counted at the roots of their {@linkplain LogicCones
 * cones}: per demanded root bit, a LUT6 for up to six leaves and a LUT tree beyond (one LUT6 per
 * five leaves past the first), nothing for a single leaf (a wire or an inverter). Nothing for a
 * node read only by one adder or subtractor, through wiring, as the operand whose logic goes into
 * the carry chain's LUTs.
 */
final class LogicConeCost {

  private final NetlistFacts facts;
  private final LogicCones cones;

  LogicConeCost(NetlistFacts facts, LogicCones cones) {
    this.facts = facts;
    this.cones = cones;
  }

  /** The cost of node {@code n}, an AND, OR, XOR or multiplexer: the LUTs of the cones it roots. */
  ResourceCount of(Node n) {
    if (isAddendOnly(n)) {
      return ResourceCount.none();
    }
    return ResourceCount.of(Resource.LUT_AS_LOGIC, cones.luts(n));
  }

  /**
   * Whether the only thing reading {@code n}, through wiring, is one add or subtract that takes it
   * into its carry chain's LUTs: as its second operand, whose bits only enter the propagate
   * signal's LUT; as its first, which Yosys also wires to the carry chain's DI inputs (so it needs
   * LUTs of its own), only where an operand is extended, for which Yosys's {@code alumacc} swaps
   * the operands (measured on 8-bit sums: a multiplexer on the first operand costs its own LUT per
   * bit beside a same-width unsigned operand, none beside a narrower or a signed one).
   */
  private boolean isAddendOnly(Node n) {
    List<String> readVia = new ArrayList<>();
    List<Node> readers = new ArrayList<>();
    List<String> wired = new ArrayList<>(List.of(n.name()));
    while (!wired.isEmpty()) {
      String name = wired.remove(wired.size() - 1);
      if (facts.isReadOutsideNodes(name)) {
        return false;
      }
      for (Node r : facts.readers(name)) {
        if (BitSources.isWiring(r)) {
          wired.add(r.name());
        } else {
          readers.add(r);
          readVia.add(name);
        }
      }
    }
    return readers.size() == 1
        && readers.get(0).op() instanceof Op.Binary b
        && (b.kind() == Op.BinaryKind.ADD || b.kind() == Op.BinaryKind.SUB)
        && (!b.a().equals(readVia.get(0)) || isExtended(b));
  }

  /** Whether an operand of the sum {@code op} is signed or narrower than the other before extension. */
  private boolean isExtended(Op.Binary op) {
    Type a = facts.beforeExtension(op.a());
    Type b = facts.beforeExtension(op.b());
    return a.signed() || b.signed() || a.width() != b.width();
  }
}
