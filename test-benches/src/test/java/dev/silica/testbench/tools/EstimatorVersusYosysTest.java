package dev.silica.testbench.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimator against Yosys on every registered generator (the {@link GeneratorCases#quick()
 * quick} selection; the sweep with {@code -Dsilica.sweep=true}). DSP48E1 and block RAM must be
 * exact. LUT and FF must be within each generator's tolerance below, or within {@value
 * #ABSOLUTE_SLACK} elements for tiny designs.
 *
 * <p>The tolerances are the largest errors measured over the whole sweep ({@link ResourceTables}) on
 * designs more than {@value #ABSOLUTE_SLACK} elements apart, rounded up to the next 5% (10% at
 * least), so the estimator cannot get worse unnoticed. The goal of issue 3 is
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
          .put("relu", new Tolerance(10, 10))
          // not analysed yet: the constant-coefficient set (-3,7,100,7,-3) is over- then under-costed
          .put("fir", new Tolerance(20, 15))
          // sign-bit copies in a shifted product register are counted as flip-flops (Yosys merges them)
          .put("residual-add", new Tolerance(20, 25))
          // a wide value's saturation bounds are costed as balanced LUT trees, which Yosys does not
          // reach (a third fewer LUTs on the shift roundings); double rounding: -15.2% LUT since its
          // nudge, a multiplexer between two constants, is costed as the wires it is (it was 32 LUTs,
          // which hid what is missing elsewhere, not analysed); its FFs not analysed
          .put("requant", new Tolerance(40, 15))
          // lut: the radix-4 Booth multipliers are costed as fan-out-free logic cones (-0.9% LUT at 4
          // bits, +11.3% at 6, -5.9% at 8), where ABC re-synthesizes each product as one function of the
          // operand bits; dsp: the product registers (the DSP48E1's MREG for Yosys, +15.0% FF measured)
          // and the operand registers passed from PE to PE, which Yosys also moves into the slices' A/B
          // registers; packed: the correction terms (+28.5% LUT), not analysed yet
          .put("systolic", new Tolerance(30, 20))
          // not analysed yet: the single-MAC layers at 4 and 6 bits (the large ones are within 10%)
          .put("linear", new Tolerance(30, 25))
          // not analysed yet: i-exp at 4 bits (+21.7% LUT; the 8-bit i-exp and the LUT methods are
          // within 2%)
          .put("softmax", new Tolerance(25, 10))
          // the square root's one-hot bit register has constant zeros between its bits, which only
          // a per-bit known-zero analysis finds (the estimator knows constant low bits); Yosys keeps
          // the sum of squares in the DSP's P register, not modelled (+22.7% LUT, +25.7% FF)
          .put("layernorm", new Tolerance(25, 30))
          // 4 LUTs apart on 15 and 17: the 4-word coefficient ROMs and the 2-bit channel counter,
          // whose register enable Yosys builds into the counter's LUTs
          .put("batchnorm", new Tolerance(30, 10))
          // the encoding ROMs' words are narrower than their declared width (constant top columns),
          // which makes the adders' top bits wires for Yosys; the estimator costs the declared width
          // (+45.3% LUT at 6 bits)
          .put("posenc", new Tolerance(50, 10))
          // measured +16.1% LUT, +3.5% FF on the default forecaster; ABC re-synthesizes each PE's
          // 5x5 Booth multiplier as one function of the operand bits (49 LUTs for Yosys on one PE,
          // 53 estimated); the rest not analysed yet
          .put("forecaster", new Tolerance(20, 10))
          // not analysed yet: the block-RAM queue's read-ahead address and bypass multiplexer (measured
          // -22.2% LUT at depth 5 with flow; +18.6% on the 64-deep distributed one, whose enq_ready
          // gate, read by an output, the estimator now costs)
          .put("fifo", new Tolerance(25, 10))
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

  /** Timed in this thread's processor time, so that the machine's other work does not count. */
  @Test
  void everyEstimateTakesMilliseconds() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (GeneratorCases.Case c : GeneratorCases.quick()) {
      long best = Long.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long start = threads.getCurrentThreadCpuTime();
        Estimator.estimate(c.design());
        best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
      }
      long millis = best / 1_000_000;
      assertTrue(millis < ESTIMATE_MILLIS, "estimate of " + c + " took " + millis + " ms of processor time");
    }
  }
}
