package dev.silica.sim;

import static dev.silica.ir.Op.BinaryKind.ADD;
import static dev.silica.sim.IrBuilder.bin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import org.junit.jupiter.api.Test;

/** Mistakes in a design or in the use of the simulator give messages that say what and where. */
class SimulatorErrorsTest {

  private static Simulator adder() {
    return Simulator.compile(IrBuilder.design(IrBuilder.module("adder")
        .in("a", Type.u(8)).in("b", Type.s(4))
        .node("sum", bin(ADD, "a", "a"))
        .out("y", "sum")
        .build()));
  }

  @Test
  void anUnknownNameSuggestsTheClosestNames() {
    var e = assertThrows(IllegalArgumentException.class, () -> adder().peek("sun"));
    assertEquals("design adder has no signal named 'sun'; did you mean sum?", e.getMessage());
  }

  @Test
  void onlyTopLevelInputsCanBePoked() {
    var e = assertThrows(IllegalArgumentException.class, () -> adder().poke("y", 1));
    assertEquals("cannot poke 'y': only top-level inputs can be poked (a, b)", e.getMessage());
  }

  @Test
  void aValueThatDoesNotFitThePortIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> adder().poke("a", 256));
    assertEquals("value 256 does not fit input a of u8 (range 0..255)", e.getMessage());
    var negative = assertThrows(IllegalArgumentException.class, () -> adder().poke("b", -9));
    assertEquals("value -9 does not fit input b of s4 (range -8..7)", negative.getMessage());
  }

  @Test
  void aCombinationalLoopIsReportedWithEveryNodeOnIt() {
    SourceLoc here = new SourceLoc("Loop.java", 7);
    SourceLoc there = new SourceLoc("Loop.java", 8);
    ModuleDef loop = ModuleDef.builder("loop", here)
        .node(new Node("p", Type.u(8), new Op.Unary(Op.UnaryKind.NOT, "q"), here))
        .node(new Node("q", Type.u(8), new Op.Unary(Op.UnaryKind.NOT, "p"), there))
        .build();
    var e = assertThrows(DesignError.class, () -> Simulator.compile(IrBuilder.design(loop)));
    assertTrue(e.getMessage().contains("combinational loop in module 'loop' through 2 signals: p -> q -> p"),
        e.getMessage());
    assertTrue(e.getMessage().contains("p (node) at Loop.java:7"), e.getMessage());
    assertTrue(e.getMessage().contains("q (node) at Loop.java:8"), e.getMessage());
  }

  @Test
  void aNodeWhoseDeclaredTypeBreaksTheWidthTableIsRefusedAtItsSourceLine() {
    SourceLoc loc = new SourceLoc("Bad.java", 12);
    ModuleDef bad = IrBuilder.module("bad").in("a", Type.u(8)).build();
    ModuleDef withNode = bad.withNodes(com.google.common.collect.ImmutableList.of(
        new Node("sum", Type.u(8), new Op.Binary(Op.BinaryKind.ADD, "a", "a"), loc)));
    Design design = IrBuilder.design(withNode);
    var e = assertThrows(DesignError.class, () -> Simulator.compile(design));
    assertEquals("Bad.java:12: node 'sum' is declared u8, but the width table gives u9", e.getMessage());
  }

  @Test
  void aPortNamedRstIsRefusedInADesignWithState() {
    SourceLoc loc = new SourceLoc("Rst.java", 3);
    ModuleDef m = IrBuilder.module("clash").in("d", Type.u(4)).reg("q", Type.u(4), 0, "d", null).out("y", "q").build();
    ModuleDef clash = new ModuleDef(m.name(),
        com.google.common.collect.ImmutableList.<dev.silica.ir.Port>builder().addAll(m.ports())
            .add(new dev.silica.ir.Port("rst", dev.silica.ir.Port.Direction.IN, Type.bool(), loc)).build(),
        m.nodes(), m.registers(), m.memories(), m.instances(), m.connects(), m.loc(), m.blackBox());
    var e = assertThrows(DesignError.class, () -> Simulator.compile(IrBuilder.design(clash)));
    assertEquals("Rst.java:3: the port name 'rst' is reserved for the implicit reset", e.getMessage());
  }

  @Test
  void peekingAWideValueAsALongPointsToPeekBig() {
    Simulator sim = Simulator.compile(IrBuilder.design(IrBuilder.module("w")
        .in("a", Type.u(100)).out("y", "a").build()));
    sim.poke("a", java.math.BigInteger.ONE.shiftLeft(80));
    assertThrows(ArithmeticException.class, () -> sim.peek("y"));
  }
}
