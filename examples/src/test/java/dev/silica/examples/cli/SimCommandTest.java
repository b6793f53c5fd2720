package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of {@code sim}: row i of the trace is the outputs before the i-th clock edge. */
class SimCommandTest {

  @TempDir Path dir;

  @Test
  void aStimulusFileGivesTheOutputsOfEachCycleBeforeItsClockEdge() throws IOException {
    Path stimulus = dir.resolve("in.csv");
    Files.writeString(stimulus, "rst,en\n1,1\n0,1\n0,1\n0,0\n0,1\n0,1\n");
    Path trace = dir.resolve("out.csv");
    Path vcd = dir.resolve("wave.vcd");

    CliRun run = CliRun.of("sim", "counter", "-p", "width=2", "--stimulus", stimulus.toString(),
        "--trace", trace.toString(), "--vcd", vcd.toString());

    assertEquals(0, run.exitCode(), run.err());
    // a 2-bit counter: reset, then counts enabled edges and wraps from 3 to 0
    assertEquals("count\n0\n0\n1\n2\n2\n3\n", Files.readString(trace));
    assertTrue(Files.readString(vcd).contains("$enddefinitions"));
  }

  @Test
  void withoutATraceFileTheTraceGoesToStdout() {
    CliRun run = CliRun.of("sim", "counter", "--seed", "7", "--cycles", "5");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(6, run.out().lines().count(), run.out());
    assertEquals("count", run.out().lines().findFirst().orElseThrow());
    assertEquals(run.out(), CliRun.of("sim", "counter", "--seed", "7", "--cycles", "5").out(), "a seed repeats its run");
  }

  @Test
  void aMalformedStimulusNamesFileLineAndColumn() throws IOException {
    Path stimulus = dir.resolve("bad.csv");
    Files.writeString(stimulus, "rst,en\n1,0\n0,x\n");
    CliRun run = CliRun.of("sim", "counter", "--stimulus", stimulus.toString());
    assertEquals(1, run.exitCode());
    assertEquals("silica: " + stimulus + ":3:2: 'x' for en is not a decimal integer\n", run.err());
  }

  @Test
  void aNumberOfCyclesBelowOneIsAUsageErrorNamingTheOption() {
    for (String cycles : new String[] {"0", "-3"}) {
      CliRun run = CliRun.of("sim", "counter", "--seed", "7", "--cycles", cycles);
      assertEquals(2, run.exitCode());
      assertEquals("silica: --cycles must be positive, got " + cycles + "\n", run.err());
    }
  }
}
