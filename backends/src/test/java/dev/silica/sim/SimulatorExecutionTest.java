package dev.silica.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.Port;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The executions compute the same values cycle after cycle on large random netlists (whose
 * generated code spans many methods), including across the adaptive switch from interpreter to
 * generated code.
 */
class SimulatorExecutionTest {

  /** Steps both simulations on the same random inputs, comparing every output before each edge. */
  private static void assertSameTraces(Simulator expected, Simulator actual, int cycles) {
    List<Port> inputs = expected.inputs();
    SplittableRandom random = new SplittableRandom(expected.cycle());
    for (int c = 0; c < cycles; c++) {
      for (Port p : inputs) {
        long value = p.name().equals("rst") ? (c % 1000 == 0 ? 1 : 0) : random.nextLong() >>> (64 - p.type().width());
        expected.poke(p.name(), value);
        actual.poke(p.name(), value);
      }
      for (Port o : expected.outputs()) {
        assertEquals(expected.peekBig(o.name()), actual.peekBig(o.name()), "cycle " + c + ", output " + o.name());
      }
      expected.step();
      actual.step();
    }
  }

  @Test
  void generatedCodeAgreesWithTheInterpreterOnALargeRandomNetlist() {
    Design design = RandomNetlist.build(11, 8, 300, 3000);
    Simulator generated = Simulator.compile(design, Simulator.Execution.GENERATED);
    assertTrue(generated.runsGeneratedCode());
    assertSameTraces(Simulator.compile(design, Simulator.Execution.INTERPRETED), generated, 2000);
  }

  @Test
  void generatedCodeShowsEveryInternalSignalWhenPeeked() {
    Design design = RandomNetlist.build(13, 8, 100, 1000);
    Simulator expected = Simulator.compile(design, Simulator.Execution.INTERPRETED);
    Simulator actual = Simulator.compile(design, Simulator.Execution.GENERATED);
    for (int round = 0; round < 20; round++) {
      assertSameTraces(expected, actual, 7);
      for (String signal : expected.signalNames()) {
        assertEquals(expected.peekBig(signal), actual.peekBig(signal), "cycle " + expected.cycle() + ", " + signal);
      }
    }
  }

  @Test
  void anAdaptiveSimulationKeepsItsStateWhenItSwitchesToGeneratedCode() {
    Design design = RandomNetlist.build(12, 8, 200, 2000);
    Simulator interpreted = Simulator.compile(design, Simulator.Execution.INTERPRETED);
    Simulator adaptive = Simulator.adaptive(design, 0);
    assertFalse(adaptive.runsGeneratedCode());
    assertSameTraces(interpreted, adaptive, 500);
    adaptive.awaitGeneratedCode();
    assertTrue(adaptive.runsGeneratedCode(), "switched to generated code after " + adaptive.cycle() + " cycles");
    assertSameTraces(interpreted, adaptive, 1000);
  }
}
