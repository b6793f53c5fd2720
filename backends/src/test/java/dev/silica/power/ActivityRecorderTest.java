package dev.silica.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.sim.IrBuilder;
import dev.silica.sim.Simulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The activity recorder counts, per bit, what a simulation's signals and memory ports did. */
class ActivityRecorderTest {

  private static final int CYCLES = 100;

  @Test
  @DisplayName("bit i of a free-running counter toggles once every 2^i cycles and is high half the time")
  void counterBitsToggleAtHalvingRates() {
    Design design = Counters.counterInside();
    SwitchingActivity activity;
    try (Simulator sim = Simulator.compile(design)) {
      sim.poke("en", 1);
      ActivityRecorder recorder = ActivityRecorder.attach(sim, design);
      sim.step(CYCLES);
      activity = recorder.stop();
    }
    assertEquals(CYCLES, activity.cycles());
    SignalActivity n = activity.signal("c0.n").orElseThrow();
    for (int bit = 0; bit < 4; bit++) {
      // values 0, 1, ..., CYCLES - 1 (mod 16), counted value by value
      long toggles = 0;
      long high = 0;
      for (int v = 0; v < CYCLES; v++) {
        if (v > 0 && (((v % 16) ^ ((v - 1) % 16)) >> bit & 1) == 1) {
          toggles++;
        }
        high += (v % 16) >> bit & 1;
      }
      assertEquals(toggles, n.toggles(bit), "toggles of bit " + bit);
      assertEquals(high, n.highCycles(bit), "cycles at 1 of bit " + bit);
    }
    assertEquals(99, n.toggles(0));
    assertEquals(12, n.toggles(3), "bit 3 changes at 8, 16, 24, ..., 96");
    assertEquals(CYCLES - 1, n.changedCycles());
  }

  @Test
  void aCounterThatIsNotEnabledNeverToggles() {
    Design design = Counters.counterInside();
    try (Simulator sim = Simulator.compile(design)) {
      ActivityRecorder recorder = ActivityRecorder.attach(sim, design);
      sim.step(CYCLES);
      SwitchingActivity activity = recorder.stop();
      assertEquals(0, activity.signal("c0.n").orElseThrow().totalToggles());
      assertEquals(0, activity.signal("c0.next").orElseThrow().highCycles(3));
      assertEquals(CYCLES, activity.signal("c0.next").orElseThrow().highCycles(0), "next = n + 1 = 1 all along");
    }
  }

  @Test
  void onlyCyclesBetweenAttachAndStopCount() {
    Design design = Counters.counterInside();
    try (Simulator sim = Simulator.compile(design)) {
      sim.poke("en", 1);
      sim.step(7);
      ActivityRecorder recorder = ActivityRecorder.attach(sim, design);
      sim.step(3);
      SwitchingActivity activity = recorder.stop();
      sim.step(20);
      assertEquals(3, activity.cycles());
      // values 7, 8, 9: bit 0 toggles twice, bit 3 once, bits 1 and 2 once (7 -> 8)
      SignalActivity n = activity.signal("c0.n").orElseThrow();
      assertEquals(2, n.toggles(0));
      assertEquals(1, n.toggles(1));
      assertEquals(1, n.toggles(2));
      assertEquals(1, n.toggles(3));
      assertEquals(2, n.highCycles(3));
    }
  }

  @Test
  void memoryPortsCountTheEdgesOnWhichTheyAreEnabled() {
    Design design = Counters.scratchpad(4);
    try (Simulator sim = Simulator.compile(design)) {
      ActivityRecorder recorder = ActivityRecorder.attach(sim, design);
      for (int c = 0; c < 30; c++) {
        sim.poke("we", c % 3 == 0 ? 1 : 0);
        sim.poke("re", c % 5 == 0 ? 1 : 0);
        sim.poke("wa", c % 16);
        sim.poke("wd", c);
        sim.step();
      }
      MemoryActivity words = recorder.stop().memory("words").orElseThrow();
      assertEquals(10, words.writes());
      assertEquals(6, words.reads());
      assertEquals(8, words.width());
    }
  }

  @Test
  void aRecorderRefusesASimulationOfAnotherDesign() {
    Design other = IrBuilder.design(Counters.counter("solo", 3));
    try (Simulator sim = Simulator.compile(other)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ActivityRecorder.attach(sim, Counters.counterInside()));
      assertTrue(e.getMessage().contains("no signal named"), e.getMessage());
    }
  }
}
