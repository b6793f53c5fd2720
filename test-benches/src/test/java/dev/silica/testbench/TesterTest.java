package dev.silica.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Tester on Silica's engine: expectations, reset, waiting for a handshake. */
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

  @Test
  void engineKindsThatAreNotBuiltYetSaySo() {
    var e = assertThrows(UnsupportedOperationException.class, () -> Tester.of(TestDesigns.adder(), Engine.VERILATOR));
    assertEquals("the verilator engine is not available yet: only Engine.SILICA runs designs so far", e.getMessage());
  }
}
