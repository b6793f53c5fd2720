package dev.silica.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import dev.silica.testbench.FaultyEngine;
import dev.silica.verilog.Tools;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark checks agreement before it reports speed: a wrong simulator is caught and placed. */
class SimBenchTest {

  @Test
  void aFaultySimulatorIsReportedWithTheCycleOfItsFaultForEachTool() {
    Tools.require("verilator");
    Tools.require("iverilog");
    Design counter = GeneratorRegistry.load().get("counter").generate(Map.of("width", "4"));

    BenchReport report = SimBench.run(counter, 1, 1000, FaultyEngine.flippingFirstOutputInCycle(5));

    assertFalse(report.agreed());
    assertEquals(2, report.disagreements().size(), report.disagreements().toString());
    assertTrue(report.disagreements().get(0).startsWith("verilator: cycle 5 on count: silica="), report.disagreements().get(0));
    assertTrue(report.disagreements().get(1).startsWith("icarus: cycle 5 on count: silica="), report.disagreements().get(1));
    assertTrue(report.table().contains("engines DISAGREE"), report.table());
  }
}
