package dev.silica.synth;

import com.google.common.math.IntMath;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a comparison costs. Ordered: a carry chain between two variables, none when it shares the
 * carry chain of a subtraction of the same operands (Yosys's {@code alumacc}); against a constant,
 * a LUT tree over the top bits that decide it ({@link ConstantComparison}: a signed {@code x < 0} is
 * the sign bit). Equality: one LUT per three bit pairs (six bits against a constant) and a LUT tree
 * reducing them. Nothing for a comparison {@linkplain AbsorbedSelects absorbed} into the
 * multiplexers it selects.
 */
final class ComparisonCost {

  private final NetlistFacts facts;
  private final AbsorbedSelects absorbed;
  /** The operand pairs (minuend, subtrahend) of the subtractions synthesis keeps. */
  private final Set<List<String>> subtractions = new HashSet<>();

  ComparisonCost(NetlistFacts facts, AbsorbedSelects absorbed) {
    this.facts = facts;
    this.absorbed = absorbed;
    for (Node n : facts.module().nodes()) {
      if (n.op() instanceof Op.Binary b && b.kind() == Op.BinaryKind.SUB && facts.demanded().width(n.name()) > 0) {
        subtractions.add(List.of(b.a(), b.b()));
      }
    }
  }

  /** The cost of node {@code n}, the ordered comparison {@code op} (less or greater, or equal). */
  ResourceCount ordered(Node n, Op.Binary op) {
    if (sharesASubtractor(op) || absorbed.contains(n.name())) {
      return ResourceCount.none();
    }
    if (bothVariable(op)) {
      return Fabric.carryChain(width(op));
    }
    return ResourceCount.of(Resource.LUT_AS_LOGIC, Fabric.lutTree(facts.constantComparison(op).orElseThrow().decidingBits()));
  }

  /** The cost of node {@code n}, the equality or inequality {@code op}. */
  ResourceCount equality(Node n, Op.Binary op) {
    if (absorbed.contains(n.name())) {
      return ResourceCount.none();
    }
    int w = width(op);
    int pairs = IntMath.divide(w, bothVariable(op) ? 3 : 6, RoundingMode.CEILING);
    return ResourceCount.of(Resource.LUT_AS_LOGIC, pairs + Fabric.lutTree(IntMath.divide(w, 3, RoundingMode.CEILING)));
  }

  private int width(Op.Binary op) {
    return Math.max(facts.type(op.a()).width(), facts.type(op.b()).width());
  }

  private boolean bothVariable(Op.Binary op) {
    return !facts.isConstant(op.a()) && !facts.isConstant(op.b());
  }

  /**
   * Whether a comparison has the operands of a subtraction that is built anyway: Yosys's {@code
   * alumacc} makes both one carry chain, the comparison reading its carry out.
   */
  private boolean sharesASubtractor(Op.Binary compare) {
    return subtractions.contains(List.of(compare.a(), compare.b())) || subtractions.contains(List.of(compare.b(), compare.a()));
  }
}
