package dev.silica.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Port;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace contract: CSV form, random stimulus, and what the runner records in each row. */
class TraceTest {

  @TempDir Path dir;

  private static ImmutableList<BigInteger> row(long... values) {
    return java.util.Arrays.stream(values).mapToObj(BigInteger::valueOf).collect(ImmutableList.toImmutableList());
  }

  @Test
  void aTraceSurvivesWritingAndReading() throws Exception {
    Trace t = new Trace(ImmutableList.of("rst", "a"), ImmutableList.of(row(1, -3), row(0, 7)));
    Path file = dir.resolve("t.csv");
    t.write(file);
    assertEquals(List.of("rst,a", "1,-3", "0,7"), Files.readAllLines(file));
    assertEquals(t, Trace.read(file));
  }

  @Test
  void malformedCsvIsReportedAtFileLineAndColumn() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "a,b\n1,2\n3,x4\n");
    var e = assertThrows(TraceFormatException.class, () -> Trace.read(file));
    assertEquals(file + ":3:2: 'x4' for b is not a decimal integer", e.getMessage());
    Files.writeString(file, "a,b\n1\n");
    var shortRow = assertThrows(TraceFormatException.class, () -> Trace.read(file));
    assertEquals(file + ":2:2: 1 values for 2 signals [a, b]", shortRow.getMessage());
  }

  @Test
  void aStimulusMustDriveExactlyTheInputsWithValuesThatFit() {
    List<Port> inputs = dev.silica.sim.Simulator.compile(TestDesigns.adder()).inputs();
    Trace unknown = new Trace(ImmutableList.of("a", "c"), ImmutableList.of());
    assertEquals("in.csv:1:2: 'c' is not an input of the design (inputs: a, b)",
        assertThrows(TraceFormatException.class, () -> Stimulus.check(unknown, inputs, "in.csv")).getMessage());
    Trace tooBig = new Trace(ImmutableList.of("b", "a"), ImmutableList.of(row(0, 0), row(8, 0)));
    assertEquals("in.csv:3:1: 8 does not fit b of s4 (range -8..7)",
        assertThrows(TraceFormatException.class, () -> Stimulus.check(tooBig, inputs, "in.csv")).getMessage());
  }

  @Test
  void randomStimulusResetsInCycleZeroOnlyAndIsReproducible() {
    List<Port> inputs = dev.silica.sim.Simulator.compile(TestDesigns.counter()).inputs();
    Trace t = Stimulus.random(inputs, 50, 9);
    assertEquals(ImmutableList.of("rst", "en"), t.columns());
    assertEquals(BigInteger.ONE, t.value(0, "rst"));
    for (int c = 1; c < 50; c++) {
      assertEquals(BigInteger.ZERO, t.value(c, "rst"));
    }
    assertEquals(t, Stimulus.random(inputs, 50, 9));
    Stimulus.check(t, inputs, "random");
  }

  @Test
  void rowIRecordsTheOutputsBeforeTheEdgeOfCycleI() {
    Trace stimulus = new Trace(ImmutableList.of("rst", "en"),
        ImmutableList.of(row(1, 1), row(0, 1), row(0, 0), row(0, 1), row(0, 1)));
    Trace out;
    try (SimEngine engine = Engines.open(Engine.SILICA, TestDesigns.counter())) {
      out = TraceRunner.run(engine, stimulus);
    }
    assertEquals(ImmutableList.of("value", "at7"), out.columns());
    List<Long> expected = new ArrayList<>();
    long count = 5;
    for (ImmutableList<BigInteger> r : stimulus.rows()) {
      expected.add(count);
      count = r.get(0).signum() != 0 ? 5 : r.get(1).signum() != 0 ? count + 1 : count;
    }
    assertEquals(expected, out.rows().stream().map(r -> r.get(0).longValue()).toList());
    assertEquals(List.of(5L, 5L, 6L, 6L, 7L), expected);
    assertEquals(BigInteger.ONE, out.value(4, "at7"));
  }
}
