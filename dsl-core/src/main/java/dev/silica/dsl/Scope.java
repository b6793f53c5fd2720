package dev.silica.dsl;

import dev.silica.ir.SourceLoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A block of connections: the module body, or one branch of a {@code when}. It records its
 * statements in order; {@link WhenResolver} turns them into multiplexers when the module is
 * finished.
 */
final class Scope {

  /** Something a scope does, in program order. */
  sealed interface Statement permits Connection, WhenBlock {}

  /** {@code target} takes {@code value} (last connection wins). */
  record Connection(Ref target, Ref value, SourceLoc loc) implements Statement {}

  /** A when / elseWhen / otherwise chain. */
  static final class WhenBlock implements Statement {
    final SourceLoc loc;
    final Scope parent;
    final List<Ref> conditions = new ArrayList<>();
    final List<Scope> branches = new ArrayList<>();
    Scope otherwise;

    WhenBlock(Scope parent, SourceLoc loc) {
      this.parent = parent;
      this.loc = loc;
    }

    boolean touches(Ref target) {
      return branches.stream().anyMatch(b -> b.touches(target))
          || (otherwise != null && otherwise.touches(target));
    }
  }

  final Scope parent;
  /** The when-chain this scope is a branch of (null for the module body). */
  final WhenBlock block;
  /** Which branch of {@link #block}: 0 for the when, 1.. for elseWhens, -1 for otherwise. */
  final int branch;
  final SourceLoc loc;
  final List<Statement> statements = new ArrayList<>();
  private final Set<Ref> touched = new HashSet<>();
  private final Map<Ref, SourceLoc> connectedHere = new HashMap<>();
  /** The path condition once built (see {@link ModuleBuilder#activeCondition}). */
  Ref activeCondition;

  Scope(Scope parent, WhenBlock block, int branch, SourceLoc loc) {
    this.parent = parent;
    this.block = block;
    this.branch = branch;
    this.loc = loc;
  }

  boolean isRoot() {
    return parent == null;
  }

  /** Where {@code target} was connected directly in this scope, or null. */
  SourceLoc connectedHere(Ref target) {
    return connectedHere.get(target);
  }

  void connect(Ref target, Ref value, SourceLoc loc) {
    statements.add(new Connection(target, value, loc));
    connectedHere.put(target, loc);
    for (Scope s = this; s != null; s = s.parent) {
      s.touched.add(target);
    }
  }

  boolean touches(Ref target) {
    return touched.contains(target);
  }

  boolean isLastStatement(Statement s) {
    return !statements.isEmpty() && statements.get(statements.size() - 1) == s;
  }
}
