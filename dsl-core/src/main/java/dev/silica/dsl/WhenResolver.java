package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the connections recorded in a module's scopes into the value each target finally takes:
 * the last connection wins, and each when-chain that connects a target becomes a multiplexer
 * ({@code when(c){x := a}.otherwise{x := b}} gives {@code x = mux(c, a, b)}). A branch that does
 * not connect the target keeps the value it had before the chain.
 */
final class WhenResolver {

  private final ModuleBuilder m;
  private final Map<Ref, SourceLoc> firstConnection = new HashMap<>();
  private final Set<Ref> muxes = new HashSet<>();

  WhenResolver(ModuleBuilder m) {
    this.m = m;
  }

  /**
   * The final value of every target of the module (outputs, wires, registers, instance inputs),
   * with every undriven path reported.
   */
  Map<Ref, Ref> resolveAll() {
    Map<Ref, Ref> values = new LinkedHashMap<>();
    for (Ref target : m.refs.toArray(new Ref[0])) {
      if (!target.isTarget()) {
        continue;
      }
      Ref initial =
          switch (target.kind) {
            case REGISTER -> target;
            case WIRE -> target.defaultValue;
            default -> null;
          };
      Ref value = resolve(m.root, target, initial);
      checkDriven(target, value);
      if (value != null) {
        values.put(target, value);
      }
    }
    return values;
  }

  /** Where {@code target} is first connected in program order, or null. */
  SourceLoc firstConnection(Ref target) {
    return firstConnection.get(target);
  }

  /** Whether {@code node} is a multiplexer this resolver made (used by nothing but its target). */
  boolean madeMux(Ref node) {
    return muxes.contains(node);
  }

  private Ref resolve(Scope scope, Ref target, Ref current) {
    for (Scope.Statement s : scope.statements) {
      if (s instanceof Scope.Connection c) {
        if (c.target() == target) {
          firstConnection.putIfAbsent(target, c.loc());
          current = c.value();
        }
      } else if (s instanceof Scope.WhenBlock b && b.touches(target)) {
        current = resolveBlock(b, target, current);
      }
    }
    return current;
  }

  private Ref resolveBlock(Scope.WhenBlock b, Ref target, Ref before) {
    Ref[] branchValues = new Ref[b.branches.size()];
    for (int i = 0; i < branchValues.length; i++) {
      branchValues[i] = resolve(b.branches.get(i), target, before);
    }
    Ref acc = b.otherwise == null ? before : resolve(b.otherwise, target, before);
    for (int i = branchValues.length - 1; i >= 0; i--) {
      Ref t = branchValues[i];
      if (t == acc) {
        continue;
      }
      if (t == null || acc == null) {
        throw new DesignError(
            b.loc,
            target.describe()
                + " (declared at "
                + declaredAt(target)
                + ") is left unconnected on some path through this when: connect it before the when"
                + (target.kind == Ref.Kind.WIRE ? ", give the wire a default value," : "")
                + " or connect it in every branch including otherwise");
      }
      acc = m.node(new Op.Mux(b.conditions.get(i).id, t.id, acc.id), b.loc);
      muxes.add(acc);
    }
    return acc;
  }

  private static SourceLoc declaredAt(Ref target) {
    return target.kind == Ref.Kind.INSTANCE_INPUT ? target.childPort.loc : target.loc;
  }

  private static void checkDriven(Ref target, Ref value) {
    switch (target.kind) {
      case OUTPUT -> {
        if (value == null) {
          throw new DesignError(target.loc, target.describe() + " is never connected");
        }
      }
      case INSTANCE_INPUT -> {
        if (value == null) {
          throw new DesignError(target.instance.loc, target.describe() + " is never connected");
        }
      }
      case WIRE -> {
        if (value == null && target.readBeforeConnect != null) {
          throw new DesignError(
              target.readBeforeConnect,
              target.describe() + " is read but never connected (declared at " + target.loc + ")");
        }
      }
      case REGISTER -> {
        if (value == target) {
          throw new DesignError(target.loc, target.describe() + " is never given a next value");
        }
      }
      default -> throw new AssertionError(target.kind);
    }
  }
}
