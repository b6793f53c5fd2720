package dev.silica.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run behind {@code silica sim}: stimulus in, trace and VCD out. */
class SimulationRunTest {

  @TempDir Path dir;

  @Test
  void aStimulusFileDrivesTheDesignAndTheOutputTraceIsWrittenRowByRow() throws Exception {
    Path in = dir.resolve("in.csv");
    Path out = dir.resolve("out.csv");
    Files.writeString(in, "en,rst\n0,1\n1,0\n1,0\n0,0\n1,0\n");
    new SimulationRun(TestDesigns.counter(), new SimulationRun.FromFile(in), Optional.of(out), Optional.empty()).run();
    // The counter resets to 5 and counts on enabled edges; row i shows the value before edge i.
    assertEquals(List.of("value,at7", "5,0", "5,0", "6,0", "7,1", "7,1"), Files.readAllLines(out));
  }

  @Test
  void aSeededRunIsRepeatableAndStartsInReset() throws Exception {
    SimulationRun run = new SimulationRun(TestDesigns.counter(), new SimulationRun.Random(9, 50), Optional.empty(), Optional.empty());
    Trace first = run.run();
    assertEquals(50, first.cycles());
    assertEquals(first, run.run());
    assertEquals(BigInteger.valueOf(5), first.value(1, "value"), "the value after the reset edge is init");
  }

  @Test
  void aVcdOfEverySignalIsWrittenWhenAsked() throws Exception {
    Path vcd = dir.resolve("run.vcd");
    new SimulationRun(TestDesigns.counter(), new SimulationRun.Random(1, 10), Optional.empty(), Optional.of(vcd)).run();
    String text = Files.readString(vcd);
    assertTrue(text.contains("$enddefinitions $end"), text);
    assertTrue(text.contains(" count $end"), text);
    assertTrue(text.contains("#90"), "ten cycles of 10 time units: " + text);
  }

  @Test
  void aStimulusFileWithAnUnknownColumnIsRejectedAtItsLineAndColumn() throws Exception {
    Path in = dir.resolve("bad.csv");
    Files.writeString(in, "rst,enable\n1,0\n");
    var e = assertThrows(TraceFormatException.class,
        () -> new SimulationRun(TestDesigns.counter(), new SimulationRun.FromFile(in), Optional.empty(), Optional.empty()).run());
    assertEquals(in + ":1:2: 'enable' is not an input of the design (inputs: rst, en)", e.getMessage());
  }
}
