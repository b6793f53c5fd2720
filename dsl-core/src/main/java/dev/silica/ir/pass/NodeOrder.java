package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import com.google.common.graph.Traverser;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The nodes of a module in an order where each comes after every node it reads. */
final class NodeOrder {

  private NodeOrder() {}

  /**
   * The nodes of {@code module}, each after the nodes among its operands, otherwise as declared. On
   * a module with a cycle of nodes (which {@link CheckCombLoops} rejects) it still returns every node
   * once, the cycle's nodes in some order.
   */
  static ImmutableList<Node> topological(ModuleDef module) {
    Map<String, Node> byName = module.nodes().stream().collect(Collectors.toMap(Node::name, Function.identity(), (a, b) -> a));
    Traverser<Node> traverser =
        Traverser.forGraph(
            n -> n.op().operands().stream().map(byName::get).filter(o -> o != null).collect(ImmutableList.toImmutableList()));
    return ImmutableList.copyOf(traverser.depthFirstPostOrder(module.nodes()));
  }
}
