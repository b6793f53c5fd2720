package dev.silica.synth;

import com.google.common.math.IntMath;
import dev.silica.ir.Op;
import java.math.RoundingMode;

/**
 * What reduction and dynamic-shift logic costs: a reduction one LUT6 per five inputs beyond the
 * first; a shift by a variable amount a 4:1 multiplexer (one LUT6) per bit per two of its stages.
 */
final class LogicOpCost {

  private final NetlistFacts facts;

  LogicOpCost(NetlistFacts facts) {
    this.facts = facts;
  }

  /** The cost of the AND, OR or XOR reduction {@code op}. */
  ResourceCount reduction(Op.Unary op) {
    return ResourceCount.of(Resource.LUT_AS_LOGIC, Fabric.lutTree(facts.type(op.a()).width()));
  }

  /** The cost of the shift {@code op} by a variable amount. */
  ResourceCount dynamicShift(Op.Binary op) {
    int w = Math.max(facts.type(op.a()).width(), facts.type(op.b()).width());
    return ResourceCount.of(Resource.LUT_AS_LOGIC, w * IntMath.divide(IntMath.log2(w, RoundingMode.CEILING), 2, RoundingMode.CEILING));
  }
}
