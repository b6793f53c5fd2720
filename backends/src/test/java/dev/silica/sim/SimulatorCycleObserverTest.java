package dev.silica.sim;

import static dev.silica.ir.Op.BinaryKind.ADD;
import static dev.silica.sim.IrBuilder.bin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cycle observers see every cycle once, settled, before its clock edge, until removed. */
class SimulatorCycleObserverTest {

  @Test
  void anObserverSeesEachCycleSettledBeforeItsEdgeUntilRemoved() {
    var top = IrBuilder.module("top")
        .in("a", Type.u(8))
        .reg("n", Type.u(8), 0, "next", null)
        .constant("one", Type.u(8), 1)
        .node("sum", bin(ADD, "n", "one"))
        .node("next", new Op.Resize("sum", 8))
        .node("mix", bin(ADD, "n", "a"))
        .out("y", "mix")
        .build();
    try (Simulator sim = Simulator.compile(IrBuilder.design(top))) {
      Simulator.Handle mix = sim.handle("mix");
      long[] word = new long[1];
      List<String> seen = new ArrayList<>();
      Simulator.CycleObserver observer = cycle -> {
        sim.peekBits(mix, word);
        seen.add(cycle + ":" + word[0]);
      };
      sim.step(2);
      sim.addCycleObserver(observer);
      for (int c = 0; c < 3; c++) {
        sim.poke("a", 10 * c);
        sim.step();
      }
      sim.removeCycleObserver(observer);
      sim.step(5);
      // cycle c holds n = c, plus the value of a poked before its edge
      assertEquals(List.of("2:2", "3:13", "4:24"), seen);
    }
  }
}
