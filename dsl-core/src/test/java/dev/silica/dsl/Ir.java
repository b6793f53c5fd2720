package dev.silica.dsl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Register;
import dev.silica.ir.pass.Passes;

/** Test helpers: elaborate a body, find IR elements by name, run the IR checks on a design. */
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
   * Runs the IR's own checks on the design, independently of the DSL: every name resolves and is
   * driven ({@code CheckDrivers}), every node has the type {@link dev.silica.ir.TypeRules} gives
   * its op and everything driven gets exactly its declared type ({@code CheckTypes}), and there
   * is no combinational loop.
   */
  static void assertWellTyped(Design d) {
    Passes.checks().run(d);
  }
}
