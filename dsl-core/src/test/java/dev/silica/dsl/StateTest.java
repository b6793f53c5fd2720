package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Register;
import dev.silica.ir.Type;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Registers: reset values, next values, enables, and how when-scopes become enables or muxes. */
class StateTest {

  @Test
  void aRegisterResetsToZeroUnlessGivenAnInit() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt a = input("a", UInt.of(8));
              SInt s = input("s", SInt.of(4));
              reg("zero", UInt.of(8)).connect(a);
              reg("minus", SInt.of(4), -3).connect(s);
            });
    assertEquals(new Register("zero", Type.u(8), BigInteger.ZERO, "a", null, Ir.register(m, "zero").loc()), Ir.register(m, "zero"));
    assertEquals(BigInteger.valueOf(-3), Ir.register(m, "minus").init());
    assertEquals("s", Ir.register(m, "minus").next());
  }

  @Test
  void anExplicitEnableIsKeptAsTheRegistersEnable() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool en = input("en", Bool.TYPE);
              UInt a = input("a", UInt.of(8));
              reg("r", UInt.of(8), 1, en).connect(a);
            });
    Register r = Ir.register(m, "r");
    assertEquals("a", r.next());
    assertEquals("en", r.enable());
    assertEquals(BigInteger.ONE, r.init());
  }

  @Test
  void aRegisterAssignedInOneWhenGetsItsConditionAsClockEnable() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool en = input("en", Bool.TYPE);
              UInt count = reg("count", UInt.of(4));
              when(en, () -> count.connect(count.addWrap(1)));
              output("y", UInt.of(4)).connect(count);
            });
    Register count = Ir.register(m, "count");
    assertEquals("en", count.enable());
    assertEquals(new Op.Resize(((Op.Resize) Ir.node(m, count.next()).op()).a(), 4), Ir.node(m, count.next()).op());
    assertEquals(0, m.nodes().stream().filter(n -> n.op() instanceof Op.Mux).count(), "no hold mux is left");
  }

  @Test
  void aRegisterAssignedInSeveralBranchesHoldsItsValueThroughMuxes() {
    ModuleDef m =
        Ir.top(
            () -> {
              Bool clear = input("clear", Bool.TYPE);
              Bool inc = input("inc", Bool.TYPE);
              UInt count = reg("count", UInt.of(4));
              when(clear, () -> count.connect(0)).elseWhen(inc, () -> count.connect(count.addWrap(1)));
              output("y", UInt.of(4)).connect(count);
            });
    Register count = Ir.register(m, "count");
    assertNull(count.enable());
    Op.Mux top = (Op.Mux) Ir.node(m, count.next()).op();
    assertEquals("clear", top.sel());
    Op.Mux inner = (Op.Mux) Ir.node(m, top.whenFalse()).op();
    assertEquals("inc", inner.sel());
    assertEquals("count", inner.whenFalse());
  }

  @Test
  void regNextDelaysAValueByOneClock() {
    ModuleDef m =
        Ir.top(
            () -> {
              SInt a = input("a", SInt.of(6));
              Bool en = input("en", Bool.TYPE);
              SInt d1 = regNext("d1", a);
              output("y", SInt.of(6)).connect(regNext("d2", d1, en));
            });
    assertEquals(new Register("d1", Type.s(6), BigInteger.ZERO, "a", null, Ir.register(m, "d1").loc()), Ir.register(m, "d1"));
    assertEquals("d1", Ir.register(m, "d2").next());
    assertEquals("en", Ir.register(m, "d2").enable());
    assertEquals("d2", Ir.driver(m, "y"));
  }

  @Test
  void aRegisterReadsAsItsCurrentValue() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt r = reg("r", UInt.of(8));
              r.connect(r.addWrap(3));
              output("y", UInt.of(8)).connect(r);
            });
    Op.Resize next = (Op.Resize) Ir.node(m, Ir.register(m, "r").next()).op();
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "r", "lit_3_u2"), Ir.node(m, next.a()).op());
  }
}
