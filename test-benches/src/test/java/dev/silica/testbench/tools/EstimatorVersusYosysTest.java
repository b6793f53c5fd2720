package dev.silica.testbench.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimator against Yosys on every registered generator (the {@link GeneratorCases#quick()
 * quick} selection; the sweep with {@code -Dsilica.sweep=true}). Tolerance: LUT and FF within
 * {@value #LUT_FF_TOLERANCE_PERCENT}% (or {@value #ABSOLUTE_SLACK} elements, for tiny designs),
 * DSP48E1 and block RAM exact. The table is printed for the record.
 */
class EstimatorVersusYosysTest {

  static final double LUT_FF_TOLERANCE_PERCENT = 15;
  static final int ABSOLUTE_SLACK = 2;

  @Test
  void estimatesAreWithinToleranceOfYosys() {
    List<String> failures = new ArrayList<>();
    StringBuilder table = new StringBuilder(EstimateVersusYosys.header());
    for (GeneratorCases.Case c : GeneratorCases.quick()) {
      EstimateVersusYosys e = EstimateVersusYosys.of(c);
      table.append(e.row());
      for (Resource r : EstimateVersusYosys.APPROXIMATE) {
        if (e.difference(r) > ABSOLUTE_SLACK && Math.abs(e.errorPercent(r)) > LUT_FF_TOLERANCE_PERCENT) {
          failures.add(c + " " + r + ": yosys " + e.yosys().used(r) + ", estimate " + e.estimate().used(r));
        }
      }
      for (Resource r : EstimateVersusYosys.EXACT) {
        if (e.difference(r) != 0) {
          failures.add(c + " " + r + ": yosys " + e.yosys().used(r) + ", estimate " + e.estimate().used(r));
        }
      }
    }
    System.out.print(table);
    assertEquals(List.of(), failures, table.toString());
  }

  @Test
  void theEstimateOfTheLargestDesignTakesMilliseconds() {
    GeneratorCases.Case largest = GeneratorCases.quick().stream()
        .max((a, b) -> Integer.compare(a.design().topModule().nodes().size(), b.design().topModule().nodes().size())).orElseThrow();
    Estimator.estimate(largest.design());
    long start = System.nanoTime();
    Estimator.estimate(largest.design());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 200, "estimate of " + largest + " took " + millis + " ms");
  }
}
