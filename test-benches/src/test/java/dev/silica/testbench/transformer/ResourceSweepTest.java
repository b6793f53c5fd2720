package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.synth.Resource;
import dev.silica.synth.ResourceTable;
import dev.silica.synth.YosysSynth;
import dev.silica.verilog.Tools;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Synthesizes every transformer block with Yosys ({@code synth_xilinx}, XC7S15) and prints its
 * resource row (LUT, FF, CARRY4, DSP48E1, BRAM36 sites, logic levels); fails on any Yosys warning.
 * It takes minutes, so it runs only when asked: {@code mvn -pl test-benches -am test
 * -Dtest=ResourceSweepTest -Dsilica.resourceSweep=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dsilica.resourceSweep=softmax,linear} runs only those generators).
 */
class ResourceSweepTest {

  static List<BlockCases.Case> cases() {
    return BlockCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void yosysSynthesizesTheBlockWithoutWarnings(BlockCases.Case c) throws IOException {
    String selection = System.getProperty("silica.resourceSweep", "");
    Assumptions.assumeTrue(selection.equals("true") || List.of(selection.split(",")).contains(c.generator()),
        "the resource sweep runs with -Dsilica.resourceSweep=true (or a list of generators)");
    Tools.require("yosys");
    YosysSynth.Report report = YosysSynth.find().orElseThrow().synthesize(c.elaborate());
    ResourceTable t = report.table();
    System.out.printf("| %-34s | %5d | %5d | %5d | %3d | %4.1f | %3d |%n", c.label(), t.used(Resource.LUT),
        t.used(Resource.FF), t.used(Resource.CARRY4), t.used(Resource.DSP48E1), t.blockRamSites(),
        t.depth().map(d -> d.levels()).orElse(-1));
    assertEquals(List.of(), report.warnings(), "Yosys warnings for " + c);
  }
}
