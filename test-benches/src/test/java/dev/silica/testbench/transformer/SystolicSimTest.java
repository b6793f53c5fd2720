package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.dsl.Elaborator;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.verilog.Tools;
import dev.silica.transformer.blocks.MultiplierKind;
import dev.silica.transformer.blocks.Systolic;
import dev.silica.transformer.blocks.SystolicConfig;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.MatMul;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The systolic array on Silica's simulator equals {@link MatMul} bit for bit, for each multiplier
 * kind and operand widths 4, 6, 8 and mixed: tiles of random K up to max_k with random codes
 * (fixed seeds), K = 1, and K = max_k of extreme codes (the largest positive and negative sums the
 * accumulator is sized for), back to back under random stalls.
 */
class SystolicSimTest {

  private static int[][] randomMatrix(int rows, int cols, IntFormat format, Random random) {
    int[][] m = new int[rows][cols];
    for (int[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = (int) (format.min() + random.nextInt((int) format.codeCount()));
      }
    }
    return m;
  }

  private static int[][] filled(int rows, int cols, long value) {
    int[][] m = new int[rows][cols];
    for (int[] row : m) {
      Arrays.fill(row, (int) value);
    }
    return m;
  }

  /** Tiles as (A, B) pairs: extremes at max_k, K = 1, then random K. */
  private static List<int[][][]> tiles(SystolicConfig config, int count, long seed) {
    Random random = new Random(seed);
    int r = config.rows();
    int c = config.cols();
    int k = config.maxK();
    List<int[][][]> tiles = new ArrayList<>();
    tiles.add(new int[][][] {filled(r, k, config.a().min()), filled(k, c, config.b().min())});
    tiles.add(new int[][][] {filled(r, k, config.a().min()), filled(k, c, config.b().max())});
    tiles.add(new int[][][] {filled(r, k, config.a().max()), filled(k, c, config.b().min())});
    tiles.add(new int[][][] {randomMatrix(r, 1, config.a(), random), randomMatrix(1, c, config.b(), random)});
    for (int t = 0; t < count; t++) {
      int kt = 1 + random.nextInt(k);
      tiles.add(new int[][][] {randomMatrix(r, kt, config.a(), random), randomMatrix(kt, c, config.b(), random)});
    }
    return tiles;
  }

  private static StreamBench.Result run(Engine engine, SystolicConfig config, List<int[][][]> tiles, long seed,
      double rate) {
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int[][][] tile : tiles) {
      int k = tile[1].length;
      for (int kk = 0; kk < k; kk++) {
        long[] lanes = new long[config.rows() + config.cols()];
        for (int i = 0; i < config.rows(); i++) {
          lanes[i] = tile[0][i][kk];
        }
        for (int j = 0; j < config.cols(); j++) {
          lanes[config.rows() + j] = tile[1][kk][j];
        }
        beats.add(new StreamBench.Beat(lanes, kk == k - 1));
      }
    }
    StreamBench.Port in = StreamBench.Port.named("in", "a", config.rows())
        .then(StreamBench.Port.named("in", "b", config.cols()));
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new Systolic(config)), engine)) {
      tester.reset();
      return new StreamBench(tester, seed, rate, rate).run(List.of(in), List.of(beats),
          StreamBench.Port.vector("out", config.cols()), tiles.size() * config.rows(), 50 * (beats.size() + 50));
    }
  }

  @ParameterizedTest(name = "{0}x{1} s{2} x s{3} max_k {4} {5}")
  @CsvSource({
      "2, 3, 8, 8, 16, DSP",
      "3, 2, 4, 4, 8, LUT",
      "2, 4, 4, 4, 64, PACKED",
      "3, 3, 6, 6, 32, DSP",
      "2, 2, 8, 4, 12, LUT",
      "2, 2, 6, 4, 20, PACKED",
      "1, 1, 8, 8, 5, DSP",
      "1, 2, 4, 6, 9, PACKED"})
  void arrayEqualsGoldenMatMulBitForBit(int rows, int cols, int aBits, int bBits, int maxK, MultiplierKind kind) {
    checkArrayEqualsGoldenMatMulBitForBit(Engine.SILICA, rows, cols, aBits, bBits, maxK, kind);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void verilatorAgreesWithGoldenMatMul() {
    Tools.require("verilator");
    checkArrayEqualsGoldenMatMulBitForBit(Engine.VERILATOR, 2, 4, 4, 4, 64, MultiplierKind.PACKED);
  }

  private static void checkArrayEqualsGoldenMatMulBitForBit(Engine engine, int rows, int cols, int aBits,
      int bBits, int maxK, MultiplierKind kind) {
    SystolicConfig config = new SystolicConfig(rows, cols, IntFormat.signed(aBits), IntFormat.signed(bBits), maxK,
        kind);
    List<int[][][]> tiles = tiles(config, 6, rows * 100 + cols);
    StreamBench.Result result = run(engine, config, tiles, maxK, 0.7);
    int beat = 0;
    for (int t = 0; t < tiles.size(); t++) {
      long[][] expected = MatMul.multiply(tiles.get(t)[0], tiles.get(t)[1]);
      for (int i = 0; i < rows; i++) {
        StreamBench.Beat out = result.beats().get(beat++);
        assertArrayEquals(expected[i], out.lanes(), "tile " + t + " row " + i);
        assertEquals(i == rows - 1, out.last(), "last marks the tile's final row");
      }
    }
  }

  @Test
  void aTileTakesKLoadRPlusCMinusTwoFlushAndRDrainCycles() {
    SystolicConfig config = new SystolicConfig(3, 4, IntFormat.signed(8), IntFormat.signed(8), 16,
        MultiplierKind.DSP);
    List<int[][][]> tiles = tiles(config, 0, 9).subList(0, 2);
    StreamBench.Result result = run(Engine.SILICA, config, tiles, 1, 1.0);
    int k = 16;
    assertEquals(k + config.flushCycles(), result.latency(), "first row after K + flush cycles");
    int period = k + config.flushCycles() + config.rows();
    assertEquals(period + config.rows() - 1, result.lastOutputCycle() - result.firstOutputCycle(),
        "the second tile's rows follow the first's by K + flush + R cycles");
  }
}
