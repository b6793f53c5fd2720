package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.when;
import static dev.silica.dsl.Hw.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import org.junit.jupiter.api.Test;

/**
 * {@code when / elseWhen / otherwise} with last-connect semantics, resolved into multiplexers: a
 * connection inside a branch overrides what was connected before the chain, only where the branch
 * is active.
 */
class WhenTest {

  /** The mux that computes {@code name}. */
  private static Op.Mux mux(ModuleDef m, String name) {
    return (Op.Mux) Ir.node(m, name).op();
  }

  private static String literal(ModuleDef m, String name) {
    return ((Op.Const) Ir.node(m, name).op()).value().toString();
  }

  @Test
  void whenOtherwiseBecomesOneMux() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool c = input("c", Bool.TYPE);
              UInt a = input("a", UInt.of(8));
              UInt b = input("b", UInt.of(8));
              UInt y = output("y", UInt.of(8));
              when(c, () -> y.connect(a)).otherwise(() -> y.connect(b));
            });
    assertEquals(new Op.Mux("c", "a", "b"), Ir.node(m, Ir.driver(m, "y")).op());
  }

  @Test
  void aConnectionBeforeTheWhenIsTheDefaultThatTheWhenOverrides() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool c = input("c", Bool.TYPE);
              UInt a = input("a", UInt.of(8));
              UInt y = output("y", UInt.of(8));
              y.connect(0);
              when(c, () -> y.connect(a));
            });
    Op.Mux mux = mux(m, Ir.driver(m, "y"));
    assertEquals("c", mux.sel());
    assertEquals("a", mux.whenTrue());
    assertEquals("0", literal(m, mux.whenFalse()));
  }

  @Test
  void theLaterOfTwoWhensWins() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool p = input("p", Bool.TYPE);
              Bool q = input("q", Bool.TYPE);
              UInt y = output("y", UInt.of(8));
              y.connect(0);
              when(p, () -> y.connect(1));
              when(q, () -> y.connect(2));
            });
    Op.Mux outer = mux(m, Ir.driver(m, "y"));
    assertEquals("q", outer.sel());
    assertEquals("2", literal(m, outer.whenTrue()));
    Op.Mux inner = mux(m, outer.whenFalse());
    assertEquals("p", inner.sel());
    assertEquals("1", literal(m, inner.whenTrue()));
    assertEquals("0", literal(m, inner.whenFalse()));
  }

  @Test
  void elseWhenChainsGiveTheFirstTrueConditionPriority() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool p = input("p", Bool.TYPE);
              Bool q = input("q", Bool.TYPE);
              UInt y = output("y", UInt.of(8));
              when(p, () -> y.connect(1)).elseWhen(q, () -> y.connect(2)).otherwise(() -> y.connect(3));
            });
    Op.Mux first = mux(m, Ir.driver(m, "y"));
    assertEquals("p", first.sel());
    assertEquals("1", literal(m, first.whenTrue()));
    Op.Mux second = mux(m, first.whenFalse());
    assertEquals("q", second.sel());
    assertEquals("2", literal(m, second.whenTrue()));
    assertEquals("3", literal(m, second.whenFalse()));
  }

  @Test
  void nestedWhensOverrideOnlyInsideTheirBranch() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool p = input("p", Bool.TYPE);
              Bool q = input("q", Bool.TYPE);
              UInt y = output("y", UInt.of(8));
              y.connect(0);
              when(p, () -> {
                y.connect(1);
                when(q, () -> y.connect(2));
              });
            });
    // y = p ? (q ? 2 : 1) : 0
    Op.Mux outer = mux(m, Ir.driver(m, "y"));
    assertEquals("p", outer.sel());
    assertEquals("0", literal(m, outer.whenFalse()));
    Op.Mux inner = mux(m, outer.whenTrue());
    assertEquals("q", inner.sel());
    assertEquals("2", literal(m, inner.whenTrue()));
    assertEquals("1", literal(m, inner.whenFalse()));
  }

  @Test
  void aBranchThatDoesNotConnectATargetKeepsItsEarlierValue() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool p = input("p", Bool.TYPE);
              Bool q = input("q", Bool.TYPE);
              UInt y = output("y", UInt.of(8));
              UInt z = output("z", UInt.of(8));
              y.connect(0);
              z.connect(0);
              when(p, () -> y.connect(1)).elseWhen(q, () -> z.connect(2));
            });
    // y = p ? 1 : 0 (the elseWhen does not touch y), z = p ? 0 : (q ? 2 : 0)
    Op.Mux y = mux(m, Ir.driver(m, "y"));
    assertEquals("p", y.sel());
    assertEquals("1", literal(m, y.whenTrue()));
    assertEquals("0", literal(m, y.whenFalse()));
    Op.Mux z = mux(m, Ir.driver(m, "z"));
    assertEquals("p", z.sel());
    assertEquals("0", literal(m, z.whenTrue()));
    Op.Mux zInner = mux(m, z.whenFalse());
    assertEquals("q", zInner.sel());
    assertEquals("2", literal(m, zInner.whenTrue()));
  }

  @Test
  void aWireWithADefaultNeedsNoOtherwiseAndTakesTheMuxName() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool c = input("c", Bool.TYPE);
              UInt a = input("a", UInt.of(8));
              UInt w = wire("w", UInt.of(8), 7);
              when(c, () -> w.connect(a));
              output("y", UInt.of(9)).connect(w.add(1));
            });
    Op.Mux w = mux(m, "w");
    assertEquals("c", w.sel());
    assertEquals("a", w.whenTrue());
    assertEquals("7", literal(m, w.whenFalse()));
    assertEquals("w", Ir.node(m, Ir.driver(m, "y")).op().operands().get(0));
  }

  @Test
  void aWireReadBeforeItIsConnectedSeesItsFinalValue() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt a = input("a", UInt.of(8));
              UInt w = wire("w", UInt.of(8));
              output("y", UInt.of(8)).connect(w);
              w.connect(a);
            });
    assertEquals("a", Ir.driver(m, "y"));
  }

  @Test
  void anOutputReadInsideItsModuleIsItsDriver() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt a = input("a", UInt.of(8));
              UInt y = output("y", UInt.of(8));
              y.connect(a);
              output("z", UInt.of(9)).connect(y.add(1));
            });
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "a", "lit_1_u1"), Ir.node(m, Ir.driver(m, "z")).op());
  }
}
