package dev.silica.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.verilog.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Tester: expectations, reset, waiting for a handshake, on Silica's engine and on Verilator and Icarus. */
class TesterTest {

  @Test
  void expectPassesOnTheRightValueAndNamesCycleSignalAndBothValuesOtherwise() {
    try (Tester t = Tester.of(TestDesigns.counter(), Engine.SILICA)) {
      t.reset().poke("en", 1).step(2).expect("value", 7);
      var e = assertThrows(AssertionError.class, () -> t.expect("value", 8, "two steps from reset"));
      assertEquals("cycle 3: value = 7, expected 8 (two steps from reset)", e.getMessage());
    }
  }

  @Test
  void resetHoldsRstHighForOneEdgeThenReleasesIt() {
    try (Tester t = Tester.of(TestDesigns.counter(), Engine.SILICA)) {
      t.poke("en", 1).step(10).reset();
      t.expect("value", 5).expect("rst", 0);
      assertEquals(11, t.cycle());
    }
  }

  @Test
  void waitForStepsUntilTheSignalHoldsAndCountsTheEdges() {
    try (Tester t = Tester.of(TestDesigns.counter(), Engine.SILICA)) {
      t.reset().poke("en", 1);
      assertEquals(2, t.waitFor("at7", 1, 10));
      assertEquals(0, t.waitFor("at7", 1, 10));
    }
  }

  @Test
  void waitForFailsAfterTheTimeoutWithTheLastValue() {
    try (Tester t = Tester.of(TestDesigns.counter(), Engine.SILICA)) {
      t.reset().poke("en", 0);
      var e = assertThrows(AssertionError.class, () -> t.waitFor("at7", 1, 4));
      assertEquals("cycle 5: timed out after 4 cycles waiting for at7 = 1 (it is 0)", e.getMessage());
    }
  }

  @Test
  void combinationalDesignsAreCheckedWithoutAClock() {
    try (Tester t = Tester.of(TestDesigns.adder(), Engine.SILICA)) {
      t.poke("a", -8).poke("b", -8).expect("y", -16);
      t.reset();
      assertEquals(1, t.cycle());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void theSameTesterCodeRunsOnEveryEngine(Engine engine) {
    requireTool(engine);
    try (Tester t = Tester.of(TestDesigns.counter(), engine)) {
      t.reset().poke("en", 1).step(2).expect("value", 7).expect("at7", 1);
      t.poke("en", 0).step(5).expect("value", 7);
      var e = assertThrows(AssertionError.class, () -> t.expect("value", 8));
      assertEquals("cycle 8: value = 7, expected 8", e.getMessage());
      assertEquals(1, t.poke("en", 1).waitFor("at7", 0, 3));
    }
    try (Tester t = Tester.of(TestDesigns.adder(), engine)) {
      t.poke("a", -8).poke("b", -8).expect("y", -16).poke("b", 7).expect("y", -1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Engine.class, names = {"VERILATOR", "ICARUS"})
  void externalEnginesNameTheSignalTheyCannotPeek(Engine engine) {
    requireTool(engine);
    try (Tester t = Tester.of(TestDesigns.counter(), engine)) {
      var e = assertThrows(IllegalArgumentException.class, () -> t.peek("count"));
      assertTrue(e.getMessage().contains("'count' is not an output of counter"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> t.poke("en", 2));
    }
  }

  private static void requireTool(Engine engine) {
    switch (engine) {
      case VERILATOR -> Tools.require("verilator");
      case ICARUS -> Tools.require("iverilog");
      case SILICA -> { }
    }
  }
}
