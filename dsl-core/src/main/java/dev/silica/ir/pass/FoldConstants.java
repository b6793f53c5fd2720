package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.OpSemantics;
import dev.silica.ir.Signals;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates every node whose operands are all constants (by {@link OpSemantics}) into a constant
 * of its own type, and applies the algebraic identities of {@link Identities}, each exact under the
 * width table. A node that an identity proves equal to another signal of its type disappears and
 * its readers read that signal; every other node keeps its name, type and place. Constants left
 * without readers are for {@link RemoveDeadNodes} to drop.
 */
public final class FoldConstants implements Pass {

  @Override
  public String name() {
    return "fold-constants";
  }

  @Override
  public Design run(Design design) {
    return design.mapModules(m -> fold(design, m));
  }

  private static ModuleDef fold(Design design, ModuleDef module) {
    Signals signals = Signals.of(design, module);
    Map<String, Op> folded = new HashMap<>();
    Map<String, String> replacedBy = new HashMap<>();
    Identities identities =
        new Identities(
            name -> signals.type(name, module.loc()),
            name -> Optional.ofNullable(folded.get(name)));
    for (Node n : NodeOrder.topological(module)) {
      Op op = n.op().mapOperands(s -> replacedBy.getOrDefault(s, s));
      Identities.Rewrite rewrite = allConstant(op, folded) ? evaluate(n, op, signals, folded) : identities.apply(n.type(), op);
      if (rewrite.replacement() != null) {
        replacedBy.put(n.name(), rewrite.replacement());
      } else {
        folded.put(n.name(), rewrite.op());
      }
    }
    ImmutableList<Node> nodes =
        module.nodes().stream()
            .filter(n -> !replacedBy.containsKey(n.name()))
            .map(n -> new Node(n.name(), n.type(), folded.get(n.name()), n.loc()))
            .collect(ImmutableList.toImmutableList());
    return Reads.rename(module.withNodes(nodes), s -> replacedBy.getOrDefault(s, s));
  }

  private static boolean allConstant(Op op, Map<String, Op> folded) {
    return !(op instanceof Op.Const) && op.operands().stream().allMatch(o -> folded.get(o) instanceof Op.Const);
  }

  private static Identities.Rewrite evaluate(Node n, Op op, Signals signals, Map<String, Op> folded) {
    BigInteger value =
        OpSemantics.eval(op, n.type(), o -> ((Op.Const) folded.get(o)).value(), o -> signals.type(o, n.loc()));
    return Identities.Rewrite.to(new Op.Const(value, n.type()));
  }
}
