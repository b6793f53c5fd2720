package dev.silica.testbench.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimator against Yosys on every registered generator (the {@link GeneratorCases#quick()
 * quick} selection; the sweep with {@code -Dsilica.sweep=true}). DSP48E1 and block RAM must be
 * exact. LUT and FF must be within each generator's tolerance below, or within {@value
 * #ABSOLUTE_SLACK} elements for tiny designs.
 *
 * <p>The tolerances are the largest errors measured over the whole sweep ({@link ResourceTables}),
 * rounded up to the next 5%, so the estimator cannot get worse unnoticed. The goal of issue 3 is
 * 10% on every generator; where a tolerance is wider, the comment says what the estimator misses,
 * or that it has not been analysed yet. The table is printed for the record.
 */
class EstimatorVersusYosysTest {

  /** Allowed LUT and FF errors of one generator, in percent of Yosys's count. */
  record Tolerance(double lutPercent, double ffPercent) {
    double percent(Resource r) {
      return r == Resource.LUT ? lutPercent : ffPercent;
    }
  }

  static final ImmutableMap<String, Tolerance> TOLERANCES =
      ImmutableMap.<String, Tolerance>builder()
          .put("counter", new Tolerance(10, 10))
          .put("mac", new Tolerance(10, 10))
          .put("avgpool", new Tolerance(10, 10))
          // not analysed yet: the constant-coefficient set (-3,7,100,7,-3) is over- then under-costed
          .put("fir", new Tolerance(20, 15))
          // sign-bit copies in a shifted product register are counted as flip-flops (Yosys merges them)
          .put("residual-add", new Tolerance(15, 25))
          // not analysed yet: fabric adders after a multi-slice product, and double rounding's muxes
          .put("requant", new Tolerance(30, 15))
          // lut multipliers: Yosys turns the shift-add chain into a $macc adder tree (far fewer
          // CARRY4), costed here as the chain; packed: the correction terms, not analysed yet
          .put("systolic", new Tolerance(30, 15))
          // not analysed yet: the single-MAC layers at 4 and 6 bits (the large ones are within 10%)
          .put("linear", new Tolerance(40, 25))
          // not analysed yet: i-exp at 4 bits (the 8-bit i-exp and the LUT methods are within 16%)
          .put("softmax", new Tolerance(40, 10))
          // the square root's one-hot bit register has constant zeros between its bits, which only
          // a per-bit known-zero analysis finds (the estimator knows constant low bits)
          .put("layernorm", new Tolerance(40, 30))
          // 3 LUTs apart on designs of 4 to 8 LUTs
          .put("relu", new Tolerance(40, 10))
          // 10 LUTs apart on 17: not analysed yet (likely the 4-word coefficient ROMs)
          .put("batchnorm", new Tolerance(65, 10))
          // not analysed yet: 8 lanes of ROM + saturating add; Yosys needs ~8 LUTs a lane at 4 bits
          .put("posenc", new Tolerance(145, 10))
          .buildOrThrow();

  static final int ABSOLUTE_SLACK = 2;
  static final long ESTIMATE_MILLIS = 200;

  @Test
  void everyGeneratorHasAStatedTolerance() {
    for (GeneratorCases.Case c : GeneratorCases.quick()) {
      assertTrue(TOLERANCES.containsKey(c.generator()), c.generator() + " has no stated tolerance");
    }
  }

  @Test
  void estimatesAreWithinToleranceOfYosys() {
    List<String> failures = new ArrayList<>();
    StringBuilder table = new StringBuilder(EstimateVersusYosys.header());
    for (GeneratorCases.Case c : GeneratorCases.quick()) {
      EstimateVersusYosys e = EstimateVersusYosys.of(c);
      table.append(e.row());
      Tolerance tolerance = TOLERANCES.getOrDefault(c.generator(), new Tolerance(10, 10));
      for (Resource r : EstimateVersusYosys.APPROXIMATE) {
        if (e.difference(r) > ABSOLUTE_SLACK && Math.abs(e.errorPercent(r)) > tolerance.percent(r)) {
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
  void everyEstimateTakesMilliseconds() {
    for (GeneratorCases.Case c : GeneratorCases.quick()) {
      long best = Long.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        Estimator.estimate(c.design());
        best = Math.min(best, System.nanoTime() - start);
      }
      long millis = best / 1_000_000;
      assertTrue(millis < ESTIMATE_MILLIS, "estimate of " + c + " took " + millis + " ms");
    }
  }
}
