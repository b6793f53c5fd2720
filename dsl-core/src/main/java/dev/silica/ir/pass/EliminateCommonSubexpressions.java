package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ListMultimap;
import com.google.common.collect.MultimapBuilder;
import com.google.common.collect.Multimaps;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Merges nodes that compute the same thing: the same operation of the same type on the same
 * operands, once earlier merges are applied, with the operands of commutative operations in
 * either order ({@code a+b} and {@code b+a}; {@code a<b} and {@code b>a}). Registers and memory
 * ports are state and never merged.
 *
 * <p>The merged node sits where the first of its group was declared. It takes the name (and
 * SourceLoc) of the first member, in declaration order, whose name is not generated, or of the
 * first member when all are generated; readers of any member then read it.
 */
public final class EliminateCommonSubexpressions implements Pass {

  private final Predicate<String> isGeneratedName;

  /** Merges nodes, each group keeping the name of its first member. */
  public EliminateCommonSubexpressions() {
    this(name -> false);
  }

  /**
   * Merges nodes, each group keeping the first name that {@code isGeneratedName} rejects (the
   * name a user chose rather than one an elaborator invented), when there is one.
   */
  public EliminateCommonSubexpressions(Predicate<String> isGeneratedName) {
    this.isGeneratedName = isGeneratedName;
  }

  @Override
  public String name() {
    return "eliminate-common-subexpressions";
  }

  @Override
  public Design run(Design design) {
    return design.mapModules(this::merge);
  }

  /** What makes two nodes equal: their type and their operation in a canonical operand order. */
  private record Key(Type type, Op op) {}

  private ModuleDef merge(ModuleDef module) {
    // Group in dependency order, so that operands are merged before the nodes that read them.
    Map<String, String> groupOf = new HashMap<>();
    Map<Key, String> groupByKey = new HashMap<>();
    ListMultimap<String, Node> groups = MultimapBuilder.linkedHashKeys().arrayListValues().build();
    for (Node n : NodeOrder.topological(module)) {
      Op op = n.op().mapOperands(s -> groupOf.getOrDefault(s, s));
      String group = groupByKey.computeIfAbsent(new Key(n.type(), canonical(op)), k -> n.name());
      groupOf.put(n.name(), group);
      groups.put(group, n);
    }
    Map<String, Integer> declared = new HashMap<>();
    module.nodes().forEach(n -> declared.putIfAbsent(n.name(), declared.size()));
    Comparator<Node> inDeclarationOrder = Comparator.comparing(n -> declared.get(n.name()));
    Map<String, String> finalName = new HashMap<>();
    Map<String, Node> survivorAt = new HashMap<>();
    for (List<Node> group : Multimaps.asMap(groups).values()) {
      List<Node> members = group.stream().sorted(inDeclarationOrder).toList();
      Node named = members.stream().filter(n -> !isGeneratedName.test(n.name())).findFirst().orElse(members.get(0));
      members.forEach(n -> finalName.put(n.name(), named.name()));
      survivorAt.put(members.get(0).name(), new Node(named.name(), named.type(), members.get(0).op(), named.loc()));
    }
    ImmutableList<Node> nodes =
        module.nodes().stream()
            .filter(n -> survivorAt.containsKey(n.name()))
            .map(n -> survivorAt.get(n.name()))
            .collect(ImmutableList.toImmutableList());
    return Reads.rename(module.withNodes(nodes), s -> finalName.getOrDefault(s, s));
  }

  /** {@code op} with the operands of a commutative operation in a fixed order. */
  private static Op canonical(Op op) {
    if (!(op instanceof Op.Binary b)) {
      return op;
    }
    return switch (b.kind()) {
      case ADD, MUL, AND, OR, XOR, EQ, NE ->
          b.a().compareTo(b.b()) <= 0 ? b : new Op.Binary(b.kind(), b.b(), b.a());
      case GT -> new Op.Binary(Op.BinaryKind.LT, b.b(), b.a());
      case GE -> new Op.Binary(Op.BinaryKind.LE, b.b(), b.a());
      case SUB, LT, LE, SHL, SHR, SRA -> b;
    };
  }
}
