package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.dsl.Elaborator;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.verilog.Tools;
import dev.silica.transformer.blocks.LinearBlock;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.Linear;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The linear block on Silica's simulator equals {@link Linear} bit for bit at 4, 6, 8 and mixed
 * widths, every rounding mode, both ROM styles, an input zero point: random vectors (fixed seeds)
 * and the extreme vectors (all minimum, all maximum codes), back to back under random stalls.
 */
class LinearSimTest {

  private static Linear golden(int k, int n, int inBits, int weightBits, int outBits, int zeroPoint,
      RoundingMode mode, long seed) {
    Random random = new Random(seed);
    double[][] weights = new double[k][n];
    for (double[] row : weights) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextGaussian() / Math.sqrt(k);
      }
    }
    double[] bias = new double[n];
    for (int j = 0; j < n; j++) {
      bias[j] = random.nextGaussian() * 0.2;
    }
    QuantSpec in = new QuantSpec(4.0 / (1 << (inBits - 1)), zeroPoint, IntFormat.signed(inBits));
    QuantSpec out = new QuantSpec(2.0 / (1 << (outBits - 1)), -1, IntFormat.signed(outBits));
    return Linear.quantize(weights, bias, in, weightBits, out, mode);
  }

  private static List<int[]> vectors(Linear golden, int count, long seed) {
    int k = golden.weights().length;
    IntFormat format = golden.input();
    List<int[]> vectors = new ArrayList<>();
    int[] lowest = new int[k];
    Arrays.fill(lowest, (int) format.min());
    int[] highest = new int[k];
    Arrays.fill(highest, (int) format.max());
    vectors.add(lowest);
    vectors.add(highest);
    Random random = new Random(seed);
    for (int v = 0; v < count; v++) {
      int[] x = new int[k];
      for (int i = 0; i < k; i++) {
        x[i] = (int) (format.min() + random.nextInt((int) format.codeCount()));
      }
      vectors.add(x);
    }
    return vectors;
  }

  private static StreamBench.Result run(Engine engine, Linear golden, Memory.Style style, List<int[]> vectors,
      long seed, double rate) {
    return run(engine, Elaborator.elaborate(() -> new LinearBlock(golden, style)), golden, vectors, seed, rate);
  }

  private static StreamBench.Result run(Engine engine, Design design, Linear golden, List<int[]> vectors,
      long seed, double rate) {
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int[] x : vectors) {
      for (int i = 0; i < x.length; i++) {
        beats.add(StreamBench.Beat.of(x[i], i == x.length - 1));
      }
    }
    int n = golden.foldedBias().length;
    try (Tester tester = Tester.of(design, engine)) {
      tester.reset();
      return new StreamBench(tester, seed, rate, rate).run(List.of(StreamBench.Port.scalar("in")), List.of(beats),
          StreamBench.Port.scalar("out"), vectors.size() * n, 40 * vectors.size() * (beats.size() + n * 20));
    }
  }

  @ParameterizedTest(name = "K={0} N={1} s{2} x s{3} -> s{4}, zp {5}, {6}, {7}")
  @CsvSource({
      "6, 3, 8, 8, 8, 0, SINGLE_ROUNDING, DISTRIBUTED",
      "5, 4, 4, 4, 4, 1, ROUND_HALF_UP_SHIFT, BLOCK",
      "7, 2, 6, 6, 6, -2, DOUBLE_ROUNDING, DISTRIBUTED",
      "4, 5, 8, 4, 6, 3, DOUBLE_ROUNDING, BLOCK",
      "1, 1, 4, 8, 8, 0, SINGLE_ROUNDING, BLOCK",
      "16, 2, 8, 8, 8, -5, ROUND_HALF_UP_SHIFT, DISTRIBUTED"})
  void hardwareEqualsGoldenBitForBit(int k, int n, int inBits, int weightBits, int outBits, int zeroPoint,
      RoundingMode mode, Memory.Style style) {
    checkHardwareEqualsGoldenBitForBit(Engine.SILICA, k, n, inBits, weightBits, outBits, zeroPoint, mode, style);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void verilatorAgreesWithGoldenBitForBit() {
    Tools.require("verilator");
    checkHardwareEqualsGoldenBitForBit(Engine.VERILATOR, 4, 5, 8, 4, 6, 3, RoundingMode.DOUBLE_ROUNDING,
        Memory.Style.BLOCK);
  }

  private static void checkHardwareEqualsGoldenBitForBit(Engine engine, int k, int n, int inBits,
      int weightBits, int outBits, int zeroPoint,
      RoundingMode mode, Memory.Style style) {
    Linear golden = golden(k, n, inBits, weightBits, outBits, zeroPoint, mode, k * 31 + n);
    List<int[]> vectors = vectors(golden, 10, k + n);
    StreamBench.Result result = run(engine, golden, style, vectors, k, 0.7);
    int beat = 0;
    for (int v = 0; v < vectors.size(); v++) {
      long[] actual = new long[n];
      for (int j = 0; j < n; j++) {
        StreamBench.Beat out = result.beats().get(beat++);
        actual[j] = out.lanes()[0];
        assertEquals(j == n - 1, out.last(), "last marks the vector's final output");
      }
      assertArrayEquals(Arrays.stream(golden.apply(vectors.get(v))).asLongStream().toArray(), actual, "vector " + v);
    }
  }

  @ParameterizedTest(name = "systolic batch {0}, K={1} N={2} s{3} x s{4} -> s{5}, {6}, {7}")
  @CsvSource({
      "2, 6, 3, 8, 8, 8, SINGLE_ROUNDING, DSP, DISTRIBUTED",
      "3, 5, 4, 4, 4, 4, ROUND_HALF_UP_SHIFT, LUT, BLOCK",
      "2, 7, 2, 6, 6, 6, DOUBLE_ROUNDING, PACKED, DISTRIBUTED",
      "1, 4, 5, 8, 4, 6, DOUBLE_ROUNDING, DSP, BLOCK",
      "4, 1, 1, 4, 8, 8, SINGLE_ROUNDING, LUT, BLOCK"})
  void systolicEngineEqualsGoldenBitForBit(int batch, int k, int n, int inBits, int weightBits, int outBits,
      RoundingMode mode, dev.silica.transformer.blocks.MultiplierKind multiplier, Memory.Style style) {
    Linear golden = golden(k, n, inBits, weightBits, outBits, 1, mode, k * 37 + n);
    List<int[]> vectors = vectors(golden, 4 * batch - 2, k + n + batch);
    StreamBench.Result result = run(Engine.SILICA, Elaborator.elaborate(
        () -> new dev.silica.transformer.blocks.LinearSystolicBlock(golden, batch, multiplier, style)), golden, vectors,
        k + 1, 0.7);
    int beat = 0;
    for (int v = 0; v < vectors.size(); v++) {
      long[] actual = new long[n];
      for (int j = 0; j < n; j++) {
        StreamBench.Beat out = result.beats().get(beat++);
        actual[j] = out.lanes()[0];
        assertEquals(j == n - 1, out.last());
      }
      assertArrayEquals(Arrays.stream(golden.apply(vectors.get(v))).asLongStream().toArray(), actual, "vector " + v);
    }
  }

  @Test
  void firstOutputComesKPlusFourCyclesAfterTheLastInputAndThenEveryKCycles() {
    int k = 8;
    int n = 3;
    Linear golden = golden(k, n, 8, 8, 8, 0, RoundingMode.SINGLE_ROUNDING, 1);
    StreamBench.Result result = run(Engine.SILICA, golden, Memory.Style.DISTRIBUTED,
        vectors(golden, 0, 1).subList(0, 1), 1, 1.0);
    assertEquals((k - 1) + k + 4, result.latency());
    assertEquals((n - 1) * k, result.lastOutputCycle() - result.firstOutputCycle());
  }
}
