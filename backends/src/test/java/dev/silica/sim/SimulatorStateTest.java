package dev.silica.sim;

import static dev.silica.ir.Op.BinaryKind.ADD;
import static dev.silica.sim.IrBuilder.asyncRead;
import static dev.silica.sim.IrBuilder.bin;
import static dev.silica.sim.IrBuilder.syncRead;
import static dev.silica.sim.IrBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Registers, memories and hierarchy: what changes at a clock edge and what does not, on the
 * interpreter and on generated code alike.
 */
class SimulatorStateTest {

  /** An 8-bit counter with enable {@code en} and reset value 5. */
  private static Design counter() {
    return IrBuilder.design(IrBuilder.module("counter")
        .in("en", Type.bool())
        .reg("count", Type.u(8), 5, "next", "en")
        .constant("one", Type.u(8), 1)
        .node("sum", bin(ADD, "count", "one"))
        .node("next", new Op.Resize("sum", 8))
        .out("value", "count")
        .build());
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void registersStartAtTheirInitialValueAndChangeOnlyAtTheEdge(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(counter(), execution);
    assertEquals(5, sim.peek("value"));
    sim.poke("en", 1);
    assertEquals(5, sim.peek("value"));
    assertEquals(6, sim.peek("next"));
    sim.step();
    assertEquals(6, sim.peek("value"));
    assertEquals(1, sim.cycle());
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void aLowEnableHoldsTheRegister(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(counter(), execution);
    sim.poke("en", 0);
    sim.step(3);
    assertEquals(5, sim.peek("count"));
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void resetRestoresTheInitialValueEvenWithTheEnableLow(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(counter(), execution);
    sim.poke("en", 1);
    sim.step(300);
    assertEquals((5 + 300) % 256, sim.peek("count"));
    sim.poke("en", 0);
    sim.reset();
    assertEquals(5, sim.peek("count"));
    assertEquals(0, sim.peek("rst"));
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void resetIsAnOrdinaryInputNamedRst(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(counter(), execution);
    assertEquals("rst", sim.inputs().get(0).name());
    sim.poke("en", 1);
    sim.step(2);
    sim.poke("rst", 1);
    sim.step();
    assertEquals(5, sim.peek("count"));
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void registersSwapValuesBecauseEveryRegisterSeesTheValuesFromBeforeTheEdge(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(IrBuilder.design(IrBuilder.module("swap")
        .reg("a", Type.u(4), 1, "b", null)
        .reg("b", Type.u(4), 2, "a", null)
        .out("y", "a")
        .build()), execution);
    sim.step();
    assertEquals(2, sim.peek("a"));
    assertEquals(1, sim.peek("b"));
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void wideRegistersHoldEveryWord(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(IrBuilder.design(IrBuilder.module("wide")
        .in("d", Type.s(200))
        .reg("q", Type.s(200), -7, "d", null)
        .out("y", "q")
        .build()), execution);
    assertEquals(BigInteger.valueOf(-7), sim.peekBig("y"));
    BigInteger big = BigInteger.ONE.shiftLeft(150).negate().add(BigInteger.TEN);
    sim.poke("d", big);
    sim.step();
    assertEquals(big, sim.peekBig("y"));
    sim.reset();
    assertEquals(BigInteger.valueOf(-7), sim.peekBig("y"));
  }

  /** A 4-word u8 memory (2-bit addresses) with two write ports, one async and one sync read port. */
  private static Design ram() {
    return IrBuilder.design(IrBuilder.module("ram")
        .in("wa", Type.u(2)).in("wd", Type.u(8)).in("we", Type.bool())
        .in("xa", Type.u(2)).in("xd", Type.u(8)).in("xe", Type.bool())
        .in("ra", Type.u(2)).in("re", Type.bool())
        .mem("m", 3, Type.u(8),
            ImmutableList.of(asyncRead("async", "ra"), syncRead("sync", "ra", "re")),
            ImmutableList.of(write("wa", "wd", "we"), write("xa", "xd", "xe")))
        .out("a", "async").out("s", "sync")
        .build());
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void synchronousReadsAreReadFirst(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(ram(), execution);
    sim.loadMemory("m", 10, 11, 12);
    sim.poke("ra", 1);
    sim.poke("re", 1);
    sim.poke("wa", 1);
    sim.poke("wd", 99);
    sim.poke("we", 1);
    sim.step();
    assertEquals(11, sim.peek("s"), "the sync port takes the word from before the write");
    assertEquals(99, sim.peek("a"), "the async port shows the new word after the edge");
    sim.poke("we", 0);
    sim.step();
    assertEquals(99, sim.peek("s"));
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void aSynchronousReadPortHoldsItsWordWhileDisabled(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(ram(), execution);
    sim.loadMemory("m", 10, 11, 12);
    sim.poke("re", 1);
    sim.poke("ra", 2);
    sim.step();
    sim.poke("re", 0);
    sim.poke("ra", 0);
    sim.step();
    assertEquals(12, sim.peek("s"));
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void theLaterWritePortWinsOnTheSameAddress(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(ram(), execution);
    sim.poke("wa", 2);
    sim.poke("wd", 1);
    sim.poke("we", 1);
    sim.poke("xa", 2);
    sim.poke("xd", 2);
    sim.poke("xe", 1);
    sim.step();
    assertEquals(BigInteger.TWO, sim.readMemory("m", 2));
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void addressesBeyondTheDepthReadZeroAndWriteNothing(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(ram(), execution);
    sim.loadMemory("m", 10, 11, 12);
    sim.poke("wa", 3);
    sim.poke("wd", 77);
    sim.poke("we", 1);
    sim.poke("ra", 3);
    sim.poke("re", 1);
    sim.step();
    assertEquals(0, sim.peek("a"));
    assertEquals(0, sim.peek("s"));
    for (int i = 0; i < 3; i++) {
      assertEquals(BigInteger.valueOf(10 + i), sim.readMemory("m", i));
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void resetLeavesMemoryContents(Simulator.Execution execution) {
    Simulator sim = Simulator.compile(ram(), execution);
    sim.writeMemory("m", 0, BigInteger.valueOf(42));
    sim.reset();
    assertEquals(BigInteger.valueOf(42), sim.readMemory("m", 0));
    assertEquals(42, sim.peek("a"));
  }

  /** An accumulator cell, instantiated twice in a chain. */
  private static ModuleDef cell() {
    return IrBuilder.module("cell")
        .in("x", Type.u(8))
        .reg("acc", Type.u(8), 0, "next", null)
        .node("sum", bin(ADD, "acc", "x"))
        .node("next", new Op.Resize("sum", 8))
        .out("y", "acc")
        .build();
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void everySignalOfEveryInstanceCanBePeekedByItsHierarchicalName(Simulator.Execution execution) {
    ModuleDef cell = cell();
    Simulator sim = Simulator.compile(IrBuilder.design(IrBuilder.module("chain")
        .in("x", Type.u(8))
        .inst("pe_0", cell, "x", "x")
        .inst("pe_1", cell, "x", "pe_0.y")
        .out("y", "pe_1.y")
        .build(), cell), execution);
    sim.poke("x", 3);
    sim.step(2);
    assertEquals(6, sim.peek("pe_0.acc"));
    assertEquals(3, sim.peek("pe_1.acc"));
    assertEquals(6, sim.peek("pe_1.x"));
    assertEquals(9, sim.peek("pe_1.sum"));
    assertEquals(3, sim.peek("y"));
  }
}
