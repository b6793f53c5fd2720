package dev.silica.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.Design;
import dev.silica.sim.Simulator;
import org.junit.jupiter.api.Test;

/** A design read from its text form runs in the simulator with no Java elaboration at all. */
class ParsedDesignSimulationTest {

  private static final String WAVE =
      """
      design Wave

      module Counter {
        in en : u1
        out count : u2
        one : u2 = const 1
        sum : u3 = add value, one
        wrapped : u2 = resize sum, 2
        reg value : u2 init 0 next wrapped enable en
        connect count = value
      }

      module Wave {
        in en : u1
        out level : s8
        mem table : s8 depth 4 style distributed {
          init [-128, -1, 0, 127]
          async read entry addr counter.count
        }
        inst counter : Counter {
          en = en
        }
        connect level = entry
      }
      """;

  private static final long[] TABLE = {-128, -1, 0, 127};

  @Test
  void aParsedCounterWalksThroughItsLookupTable() {
    Design design = SirParser.parse(WAVE, "wave.sir");
    try (Simulator sim = Simulator.compile(design)) {
      int count = 0;
      for (int cycle = 0; cycle < 12; cycle++) {
        boolean enable = cycle % 3 != 2;
        sim.poke("en", enable ? 1 : 0);
        assertEquals(TABLE[count], sim.peek("level"), "cycle " + cycle);
        sim.step();
        if (enable) {
          count = (count + 1) % 4;
        }
      }
    }
  }
}
