package dev.silica.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;

/** Test helpers: elaborate a body, find IR elements by name, check that a design obeys the width table. */
final class Ir {

  private Ir() {}

  /** A design whose top module {@code Top} is built by {@code body}. */
  static Design elaborate(Runnable body) {
    Design d = Elaborator.elaborate(Module.define("Top", body));
    assertWellTyped(d);
    return d;
  }

  /** The top module built by {@code body}. */
  static ModuleDef top(Runnable body) {
    return elaborate(body).topModule();
  }

  /** The design error {@code body} makes. */
  static DesignError error(Runnable body) {
    return assertThrows(DesignError.class, () -> Elaborator.elaborate(Module.define("Top", body)));
  }

  /** The line of the caller: put it on the same line as the statement an error should point at. */
  static int thisLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow().getLineNumber());
  }

  static Node node(ModuleDef m, String name) {
    return m.nodes().stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseGet(() -> fail("no node " + name + " in " + m.nodes().stream().map(Node::name).toList()));
  }

  static Register register(ModuleDef m, String name) {
    return m.registers().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseGet(() -> fail("no register " + name + " in " + m.registers()));
  }

  static Memory memory(ModuleDef m, String name) {
    return m.memories().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseGet(() -> fail("no memory " + name + " in " + m.memories()));
  }

  static Instance instance(ModuleDef m, String name) {
    return m.instances().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseGet(() -> fail("no instance " + name + " in " + m.instances()));
  }

  /** The signal that drives output {@code port}. */
  static String driver(ModuleDef m, String port) {
    return m.connects().stream()
        .filter(c -> c.port().equals(port))
        .findFirst()
        .orElseGet(() -> fail("output " + port + " is not connected"))
        .source();
  }

  /**
   * Checks the design against the width table independently of the DSL: every node has the type
   * {@link TypeRules} gives its op, and every driven element gets exactly its declared type.
   */
  static void assertWellTyped(Design d) {
    for (ModuleDef m : d.modules().values()) {
      Signals s = Signals.of(d, m);
      for (Node n : m.nodes()) {
        assertEquals(n.type(), TypeRules.resultType(n.op(), name -> s.type(name, n.loc())), n.name() + " in " + m.name());
      }
      for (Register r : m.registers()) {
        assertEquals(r.type(), s.type(r.next(), r.loc()), "next of " + r.name());
        if (r.enable() != null) {
          assertEquals(Type.bool(), s.type(r.enable(), r.loc()), "enable of " + r.name());
        }
      }
      for (var c : m.connects()) {
        Port p = m.port(c.port()).orElseThrow();
        assertEquals(p.type(), s.type(c.source(), c.loc()), "driver of " + c.port());
      }
      for (Instance i : m.instances()) {
        ModuleDef child = d.module(i.module());
        child.inputs().forEach(p -> assertEquals(p.type(), s.type(i.inputs().get(p.name()), i.loc()), i.name() + "." + p.name()));
      }
      for (Memory mem : m.memories()) {
        Type addr = Type.u(mem.addressWidth());
        mem.readPorts().forEach(rp -> assertEquals(addr, s.type(rp.addr(), rp.loc())));
        for (Memory.WritePort w : mem.writePorts()) {
          assertEquals(addr, s.type(w.addr(), w.loc()));
          assertEquals(mem.type(), s.type(w.data(), w.loc()));
          assertEquals(Type.bool(), s.type(w.enable(), w.loc()));
        }
      }
    }
  }
}
