package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Orders a module's nodes so that every node comes after the nodes it reads (a stable depth-first
 * order, close to creation order), and reports a combinational loop through wires as a design
 * error listing every node on it.
 */
final class NodeOrder {

  private enum Mark {
    VISITING,
    DONE
  }

  private final Function<String, Ref> underlying;
  private final Map<Ref, Mark> marks = new HashMap<>();
  private final List<Ref> ordered = new ArrayList<>();
  private final List<Ref> path = new ArrayList<>();

  /** {@code underlying} maps an operand id to the element that really computes it. */
  private NodeOrder(Function<String, Ref> underlying) {
    this.underlying = underlying;
  }

  static List<Ref> sort(List<Ref> nodes, Function<String, Ref> underlying) {
    NodeOrder order = new NodeOrder(underlying);
    nodes.forEach(order::visit);
    return order.ordered;
  }

  /** Depth-first from {@code root} with an explicit stack, so long chains cannot overflow the Java stack. */
  private void visit(Ref root) {
    if (marks.get(root) == Mark.DONE) {
      return;
    }
    Deque<Integer> nextOperand = new ArrayDeque<>();
    enter(root, nextOperand);
    while (!path.isEmpty()) {
      Ref node = path.get(path.size() - 1);
      int i = nextOperand.pop();
      List<String> operands = node.op.operands();
      if (i < operands.size()) {
        nextOperand.push(i + 1);
        Ref operand = underlying.apply(operands.get(i));
        if (operand.kind == Ref.Kind.NODE) {
          Mark mark = marks.get(operand);
          if (mark == Mark.VISITING) {
            throw loop(operand);
          }
          if (mark == null) {
            enter(operand, nextOperand);
          }
        }
      } else {
        path.remove(path.size() - 1);
        marks.put(node, Mark.DONE);
        ordered.add(node);
      }
    }
  }

  private void enter(Ref node, Deque<Integer> nextOperand) {
    marks.put(node, Mark.VISITING);
    path.add(node);
    nextOperand.push(0);
  }

  private DesignError loop(Ref start) {
    List<Ref> cycle = path.subList(path.indexOf(start), path.size());
    List<SourceLoc> locs = cycle.stream().map(r -> r.loc).toList();
    List<String> detail = cycle.stream().map(r -> r.name + " at " + r.loc).toList();
    return new DesignError(locs, "combinational loop: these values depend on themselves", detail);
  }
}
