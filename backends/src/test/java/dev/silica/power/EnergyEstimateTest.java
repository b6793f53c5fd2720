package dev.silica.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.power.EnergyEstimate.Part;
import dev.silica.sim.Simulator;
import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The energy estimate: each part from its own events, costed by its coefficient. */
class EnergyEstimateTest {

  private static final int CYCLES = 64;
  private static final double CLOCK_MHZ = 50;
  private static final EnergyCoefficients NONE = new EnergyCoefficients(0, 0, 0, 0, 0, 0, 0, 0, 0);

  private static SwitchingActivity run(Design design, Consumer<Simulator> eachCycle) {
    try (Simulator sim = Simulator.compile(design)) {
      ActivityRecorder recorder = ActivityRecorder.attach(sim, design);
      for (int c = 0; c < CYCLES; c++) {
        eachCycle.accept(sim);
        sim.step();
      }
      return recorder.stop();
    }
  }

  @Test
  @DisplayName("an idle design spends only the clock's energy and static power over the interval")
  void idleDesignSpendsClockAndStaticOnly() {
    Design design = Counters.counterInside();
    SwitchingActivity idle = run(design, sim -> sim.poke("en", 0));
    EnergyCoefficients k = EnergyCoefficients.XC7S15;
    EnergyEstimate e = EnergyEstimate.of(design, idle, CLOCK_MHZ, k);
    assertEquals(0, e.joules(Part.LOGIC));
    assertEquals(0, e.joules(Part.CARRY));
    assertEquals(0, e.joules(Part.FLIP_FLOPS));
    int flipFlops = Estimator.estimate(design).used(Resource.FF);
    assertEquals(4, flipFlops);
    assertEquals(CYCLES * (k.clockTreePerCycle() + flipFlops * k.clockPerFlipFlop()), e.joules(Part.CLOCK), 1e-18);
    assertEquals(k.staticWatts() * CYCLES / (CLOCK_MHZ * 1e6), e.staticJoules(), 1e-15);
    assertEquals(CYCLES / (CLOCK_MHZ * 1e6), e.seconds(), 1e-15);
  }

  @Test
  @DisplayName("each flip-flop transition costs the flip-flop coefficient: the counter's 63 + 31 + 15 + 7")
  void flipFlopEnergyCountsTransitions() {
    Design design = Counters.counterInside();
    SwitchingActivity counting = run(design, sim -> sim.poke("en", 1));
    EnergyCoefficients oneJoulePerToggle = new EnergyCoefficients(0, 0, 1, 0, 0, 0, 0, 0, 0);
    EnergyEstimate e = EnergyEstimate.of(design, counting, CLOCK_MHZ, oneJoulePerToggle);
    assertEquals(63 + 31 + 15 + 7, e.joules(Part.FLIP_FLOPS), 1e-9);
    assertEquals(e.joules(Part.FLIP_FLOPS), e.totalJoules(), 1e-9);
    assertEquals(0, e.unmatchedElements());
  }

  @Test
  void aCountingDesignSpendsMoreLogicEnergyThanAnIdleOne() {
    Design design = Counters.counterInside();
    EnergyEstimate counting = EnergyEstimate.of(design, run(design, sim -> sim.poke("en", 1)), CLOCK_MHZ);
    EnergyEstimate idle = EnergyEstimate.of(design, run(design, sim -> sim.poke("en", 0)), CLOCK_MHZ);
    assertTrue(counting.joules(Part.LOGIC) + counting.joules(Part.CARRY) > 0, counting.toString());
    assertTrue(counting.dynamicJoules() > idle.dynamicJoules());
    assertEquals(idle.staticJoules(), counting.staticJoules());
  }

  @Test
  @DisplayName("a block RAM costs one access per enabled read or write edge")
  void blockRamCostsItsEnabledEdges() {
    Design design = Counters.scratchpad(9);
    assertEquals(1, Estimator.estimate(design).used(Resource.RAMB18), "512 x 8 with a synchronous read is one RAMB18");
    int[] c = {0};
    SwitchingActivity activity = run(design, sim -> {
      sim.poke("we", c[0] % 2);
      sim.poke("re", c[0] % 4 == 0 ? 1 : 0);
      sim.poke("wa", c[0]++);
    });
    EnergyCoefficients perAccess = new EnergyCoefficients(0, 0, 0, 0, 0, 1, 0, 0, 0);
    assertEquals(CYCLES / 2 + CYCLES / 4, EnergyEstimate.of(design, activity, CLOCK_MHZ, perAccess).joules(Part.BLOCK_RAM), 1e-9);
    EnergyCoefficients perBit = new EnergyCoefficients(0, 0, 0, 0, 0, 0, 1, 0, 0);
    assertEquals(8 * (CYCLES / 2 + CYCLES / 4), EnergyEstimate.of(design, activity, CLOCK_MHZ, perBit).joules(Part.BLOCK_RAM), 1e-9);
  }

  @Test
  void perInferenceDividesEveryPartAndTheDuration() {
    Design design = Counters.counterInside();
    EnergyEstimate whole = EnergyEstimate.of(design, run(design, sim -> sim.poke("en", 1)), CLOCK_MHZ);
    EnergyEstimate quarter = whole.per(4);
    for (Part p : Part.values()) {
      assertEquals(whole.joules(p) / 4, quarter.joules(p), 1e-20, p.label());
    }
    assertEquals(whole.seconds() / 4, quarter.seconds(), 1e-15);
    assertEquals(whole.watts(), quarter.watts(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> whole.per(0));
  }

  @Test
  void aClockThatIsNotPositiveIsRefused() {
    Design design = Counters.counterInside();
    SwitchingActivity activity = run(design, sim -> {});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnergyEstimate.of(design, activity, 0, NONE));
    assertTrue(e.getMessage().contains("clock"), e.getMessage());
  }
}
