package dev.silica.testbench;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The DSL's registered sample generators (counter, mac, fir), elaborated by name as the CLI does,
 * behave cycle by cycle like small Java models written from their specifications, under random
 * inputs, on the Tester.
 */
class SampleGeneratorsTest {

  private static final int CYCLES = 400;

  private final Random random = new Random(4);

  private static Design elaborate(String name, Map<String, String> params) {
    Generator g = GeneratorRegistry.load().get(name);
    return g.elaborate(Params.of(g, params));
  }

  /** {@code x} wrapped into a signed {@code bits}-bit value. */
  private static long wrapSigned(long x, int bits) {
    return (x << (64 - bits)) >> (64 - bits);
  }

  private long signed(int bits) {
    return wrapSigned(random.nextLong(), bits);
  }

  @Test
  void theCounterAdvancesOnEnabledEdgesAndWrapsAtItsWidth() {
    int width = 4;
    try (Tester t = Tester.of(elaborate("counter", Map.of("width", "" + width)), Engine.SILICA)) {
      t.reset();
      long model = 0;
      for (int c = 0; c < CYCLES; c++) {
        boolean enable = random.nextInt(4) != 0;
        t.poke("en", enable ? 1 : 0).expect("count", model).step();
        model = enable ? (model + 1) % (1 << width) : model;
      }
    }
  }

  @Test
  void theMacAccumulatesValidProductsWrapsAtItsWidthAndRestartsOnClear() {
    int aBits = 8;
    int bBits = 7;
    int accBits = 18;
    try (Tester t = Tester.of(
        elaborate("mac", Map.of("a_bits", "" + aBits, "b_bits", "" + bBits, "acc_bits", "" + accBits)), Engine.SILICA)) {
      t.reset();
      long sum = 0;
      for (int c = 0; c < CYCLES; c++) {
        long a = signed(aBits);
        long b = signed(bBits);
        boolean valid = random.nextInt(5) != 0;
        boolean clear = random.nextInt(40) == 0;
        t.poke("a", a).poke("b", b).poke("valid", valid ? 1 : 0).poke("clear", clear ? 1 : 0);
        t.expect("acc", sum).step();
        if (clear) {
          sum = valid ? a * b : 0;
        } else if (valid) {
          sum = wrapSigned(sum + a * b, accBits);
        }
      }
    }
  }

  @Test
  void theFirFilterComputesTheConvolutionOfTheSamplesTakenOnEnabledEdges() {
    long[] coeffs = {3, -5, 7, 1};
    int bits = 6;
    try (Tester t = Tester.of(
        elaborate("fir", Map.of("taps", "4", "bits", "" + bits, "coeffs", "3,-5,7,1")), Engine.SILICA)) {
      t.reset();
      Deque<Long> taken = new ArrayDeque<>(); // most recent first
      for (int c = 0; c < CYCLES; c++) {
        long x = signed(bits);
        boolean enable = random.nextInt(3) != 0;
        long y = 0;
        int k = 0;
        for (long sample : taken) {
          if (k < coeffs.length) {
            y += coeffs[k++] * sample;
          }
        }
        t.poke("x", x).poke("en", enable ? 1 : 0).expect("y", y, "filter output after " + taken.size() + " samples").step();
        if (enable) {
          taken.addFirst(x);
        }
      }
    }
  }

  @Test
  void theDefaultBinomialFirSmoothsAStepIntoTheBinomialRunningSums() {
    try (Tester t = Tester.of(elaborate("fir", Map.of()), Engine.SILICA)) {
      t.reset().poke("en", 1).poke("x", 1);
      long[] expected = {0, 1, 4, 7, 8, 8}; // partial sums of 1, 3, 3, 1
      for (long y : expected) {
        t.expect("y", y).step();
      }
    }
  }
}
