package dev.silica.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.verilog.GeneratorCases;
import dev.silica.verilog.SynthesisRuns;
import dev.silica.verilog.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The estimator against Yosys on every registered generator and parameter set. Tolerance: LUT and
 * FF within {@value #LUT_FF_TOLERANCE_PERCENT}% (or {@value #ABSOLUTE_SLACK} elements, for tiny
 * designs), DSP48E1 and block RAM exact. The table is printed for the record.
 */
class EstimatorVersusYosysTest {

  static final double LUT_FF_TOLERANCE_PERCENT = 15;
  static final int ABSOLUTE_SLACK = 2;

  @Test
  void estimatesAreWithinToleranceOfYosys() {
    Tools.require("yosys");
    List<String> failures = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-58s %13s %13s %9s %9s %7s%n", "design", "LUT yosys/est", "FF yosys/est", "CARRY4", "DSP", "levels"));
    for (GeneratorCases.Case c : GeneratorCases.all()) {
      ResourceTable yosys = SynthesisRuns.of(c).table();
      ResourceTable estimate = Estimator.estimate(c.design());
      table.append(
          String.format(
              Locale.ROOT,
              "%-58s %6d/%-6d %6d/%-6d %4d/%-4d %4d/%-4d %3d/%-3d%n",
              c,
              yosys.used(Resource.LUT), estimate.used(Resource.LUT),
              yosys.used(Resource.FF), estimate.used(Resource.FF),
              yosys.used(Resource.CARRY4), estimate.used(Resource.CARRY4),
              yosys.used(Resource.DSP48E1), estimate.used(Resource.DSP48E1),
              yosys.depth().orElseThrow().levels(), estimate.depth().orElseThrow().levels()));
      for (Resource r : List.of(Resource.LUT, Resource.FF)) {
        int y = yosys.used(r);
        int e = estimate.used(r);
        if (Math.abs(y - e) > Math.max(ABSOLUTE_SLACK, y * LUT_FF_TOLERANCE_PERCENT / 100)) {
          failures.add(c + " " + r + ": yosys " + y + ", estimate " + e);
        }
      }
      for (Resource r : List.of(Resource.DSP48E1, Resource.RAMB18, Resource.RAMB36)) {
        if (yosys.used(r) != estimate.used(r)) {
          failures.add(c + " " + r + ": yosys " + yosys.used(r) + ", estimate " + estimate.used(r));
        }
      }
    }
    System.out.print(table);
    assertEquals(List.of(), failures, table.toString());
  }

  @Test
  void theEstimateTakesMilliseconds() {
    GeneratorCases.Case largest = GeneratorCases.all().get(GeneratorCases.all().size() - 1);
    Estimator.estimate(largest.design());
    long start = System.nanoTime();
    Estimator.estimate(largest.design());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 200, "estimate took " + millis + " ms");
  }
}
