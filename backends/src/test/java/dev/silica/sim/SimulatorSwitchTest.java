package dev.silica.sim;

import static dev.silica.ir.Op.BinaryKind.ADD;
import static dev.silica.sim.IrBuilder.asyncRead;
import static dev.silica.sim.IrBuilder.bin;
import static dev.silica.sim.IrBuilder.syncRead;
import static dev.silica.sim.IrBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An adaptive simulation interprets, then generates code and switches to it between two cycles:
 * every signal and every memory word agree with a purely
 * interpreted simulation at every cycle, before, during and after the switch, whatever is poked,
 * peeked or loaded meanwhile. Simulations of one design share the generated class, not its state.
 */
class SimulatorSwitchTest {

  /**
   * Registers in a shift chain, a swapping pair, a counter, an accumulator of a memory's
   * asynchronous read, a synchronous read port, a write port fed by a register and a register
   * wider than 64 bits shifting the chain's output in.
   */
  private static Design pipeline() {
    return IrBuilder.design(IrBuilder.module("pipeline")
        .in("x", Type.u(8)).in("wa", Type.u(2)).in("we", Type.bool()).in("ra", Type.u(2)).in("re", Type.bool())
        .reg("r0", Type.u(8), 0, "x", null)
        .reg("r1", Type.u(8), 0, "r0", null)
        .reg("r2", Type.u(8), 0, "r1", "we")
        .reg("a", Type.u(8), 1, "b", null)
        .reg("b", Type.u(8), 2, "a", null)
        .constant("one", Type.u(8), 1)
        .reg("count", Type.u(8), 0, "count_next", null)
        .node("count_sum", bin(ADD, "count", "one"))
        .node("count_next", new Op.Resize("count_sum", 8))
        .mem("m", 4, Type.u(8),
            ImmutableList.of(asyncRead("async", "ra"), syncRead("sync", "ra", "re")),
            ImmutableList.of(write("wa", "r2", "we")))
        .reg("acc", Type.u(16), 0, "acc_next", null)
        .node("acc_sum", bin(ADD, "acc", "async"))
        .node("acc_next", new Op.Resize("acc_sum", 16))
        .reg("wide", Type.u(100), 0, "wide_next", null)
        .node("wide_low", new Op.Slice("wide", 91, 0))
        .node("wide_next", new Op.Concat(ImmutableList.of("wide_low", "r2")))
        .out("y_chain", "r2").out("y_a", "a").out("y_b", "b").out("y_count", "count")
        .out("y_acc", "acc").out("y_sync", "sync").out("y_wide", "wide")
        .build());
  }

  /** Random values for every input but {@code rst}, which is high now and then. */
  private static void pokeRandom(SplittableRandom random, Simulator... sims) {
    for (Port p : sims[0].inputs()) {
      long value = p.name().equals("rst") ? (random.nextInt(16) == 0 ? 1 : 0) : random.nextLong() >>> (64 - p.type().width());
      for (Simulator sim : sims) {
        sim.poke(p.name(), value);
      }
    }
  }

  private static void assertSameState(Simulator expected, Simulator actual) {
    for (String signal : expected.signalNames()) {
      assertEquals(expected.peekBig(signal), actual.peekBig(signal), "cycle " + expected.cycle() + ", " + signal);
    }
    for (int address = 0; address < 4; address++) {
      assertEquals(expected.readMemory("m", address), actual.readMemory("m", address), "cycle " + expected.cycle() + ", m[" + address + "]");
    }
  }

  @ParameterizedTest(name = "waiting for the generated code at cycle {0}")
  @ValueSource(ints = {0, 1, 7, 60})
  void anAdaptiveSimulationAgreesWithTheInterpreterAtEveryCycleAcrossTheSwitch(int waitAt) {
    Simulator reference = Simulator.compile(pipeline(), Simulator.Execution.INTERPRETED);
    Simulator adaptive = Simulator.adaptive(pipeline(), 0);
    assertFalse(adaptive.runsGeneratedCode(), "an adaptive simulation starts on the interpreter");
    SplittableRandom random = new SplittableRandom(waitAt);
    for (int cycle = 0; cycle < 120; cycle++) {
      if (cycle == waitAt) {
        adaptive.awaitGeneratedCode();
        assertTrue(adaptive.runsGeneratedCode());
      }
      pokeRandom(random, reference, adaptive);
      assertSameState(reference, adaptive);
      pokeRandom(random, reference, adaptive);
      if (cycle % 25 == 3) {
        long[] words = random.longs(4, 0, 256).toArray();
        reference.loadMemory("m", words);
        adaptive.loadMemory("m", words);
      }
      assertSameState(reference, adaptive);
      reference.step();
      adaptive.step();
    }
    assertTrue(adaptive.runsGeneratedCode());
  }

  @Test
  void memoryWrittenOutsideTheClockBeforeTheSwitchIsSeenAfterIt() {
    Simulator reference = Simulator.compile(pipeline(), Simulator.Execution.INTERPRETED);
    Simulator adaptive = Simulator.adaptive(pipeline(), 0);
    for (Simulator sim : new Simulator[] {reference, adaptive}) {
      sim.poke("ra", 2);
      sim.step();
      sim.writeMemory("m", 2, BigInteger.valueOf(77));
    }
    adaptive.awaitGeneratedCode();
    assertEquals(BigInteger.valueOf(77), adaptive.peekBig("async"));
    assertSameState(reference, adaptive);
  }

  @Test
  void aSimulationThatNeverRunsLongStaysOnTheInterpreter() {
    Simulator sim = Simulator.compile(pipeline());
    sim.step(100);
    sim.awaitGeneratedCode();
    assertFalse(sim.runsGeneratedCode(), "100 cycles of a small design are far below the threshold");
  }

  @Test
  @DisplayName("simulations of one design share one generated class; another design gets its own")
  void generatedClassesAreSharedByDesign() {
    Class<?> first = GeneratedKernel.of(SimCompiler.compile(pipeline()), false).getClass();
    Class<?> second = GeneratedKernel.of(SimCompiler.compile(pipeline()), false).getClass();
    Class<?> other = GeneratedKernel.of(SimCompiler.compile(RandomNetlist.build(3, 4, 10, 100)), false).getClass();
    assertSame(first, second);
    assertNotSame(first, other);
  }

  @Test
  void simulationsSharingGeneratedCodeKeepTheirOwnState() {
    Simulator left = Simulator.compile(pipeline(), Simulator.Execution.GENERATED);
    Simulator right = Simulator.compile(pipeline(), Simulator.Execution.GENERATED);
    Simulator leftReference = Simulator.compile(pipeline(), Simulator.Execution.INTERPRETED);
    Simulator rightReference = Simulator.compile(pipeline(), Simulator.Execution.INTERPRETED);
    left.loadMemory("m", 1, 2, 3, 4);
    leftReference.loadMemory("m", 1, 2, 3, 4);
    SplittableRandom leftInputs = new SplittableRandom(1);
    SplittableRandom rightInputs = new SplittableRandom(2);
    for (int cycle = 0; cycle < 50; cycle++) {
      pokeRandom(leftInputs, leftReference, left);
      pokeRandom(rightInputs, rightReference, right);
      assertSameState(leftReference, left);
      assertSameState(rightReference, right);
      for (Simulator sim : new Simulator[] {left, right, leftReference, rightReference}) {
        sim.step();
      }
    }
  }
}
