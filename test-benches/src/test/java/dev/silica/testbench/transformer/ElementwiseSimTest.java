package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.dsl.Elaborator;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.verilog.Tools;
import dev.silica.transformer.blocks.AvgPoolBlock;
import dev.silica.transformer.blocks.PosEncBlock;
import dev.silica.transformer.blocks.ReluBlock;
import dev.silica.transformer.blocks.ResidualAddBlock;
import dev.silica.transformer.golden.GlobalAvgPool;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.PositionalEncoding;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.Relu;
import dev.silica.transformer.golden.ResidualAdd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * relu, residual-add, avgpool and posenc on Silica's simulator equal their golden models bit for
 * bit at 4, 6 and 8 bits (and mixed widths), for random codes (fixed seeds) and edge cases (every
 * code's extremes, zero points, saturating sums), under random valid/ready stalls; plus each
 * block's latency and throughput with a producer and consumer that never stall.
 */
class ElementwiseSimTest {

  private static long[] edgeAndRandomCodes(IntFormat format, int count, long seed) {
    Random random = new Random(seed);
    long[] codes = new long[count];
    long[] edges = {format.min(), format.max(), 0, -1, 1, format.min() + 1, format.max() - 1};
    for (int i = 0; i < count; i++) {
      codes[i] = i < edges.length ? edges[i] : format.min() + random.nextInt((int) format.codeCount());
    }
    return codes;
  }

  private static List<StreamBench.Beat> scalarBeats(long[] codes, int rowLength) {
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      beats.add(StreamBench.Beat.of(codes[i], i % rowLength == rowLength - 1));
    }
    return beats;
  }

  private static StreamBench.Result runScalar(Tester tester, List<String> inputs, List<List<StreamBench.Beat>> beats,
      long seed, double rate) {
    List<StreamBench.Port> ports = inputs.stream().map(StreamBench.Port::scalar).toList();
    return new StreamBench(tester, seed, rate, rate).run(ports, beats, StreamBench.Port.scalar("out"),
        beats.get(0).size(), 30 * beats.get(0).size() + 20);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void reluEqualsGoldenBitForBit(int bits) {
    checkReluEqualsGoldenBitForBit(Engine.SILICA, bits);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void reluOnVerilatorAgreesWithGolden() {
    Tools.require("verilator");
    checkReluEqualsGoldenBitForBit(Engine.VERILATOR, 6);
  }

  private static void checkReluEqualsGoldenBitForBit(Engine engine, int bits) {
    int zeroPoint = bits == 6 ? -3 : 0;
    long[] codes = edgeAndRandomCodes(IntFormat.signed(bits), 300, bits);
    List<StreamBench.Beat> beats = scalarBeats(codes, 7);
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new ReluBlock(bits, zeroPoint)), engine)) {
      tester.reset();
      StreamBench.Result result = runScalar(tester, List.of("in"), List.of(beats), bits, 0.7);
      for (int i = 0; i < codes.length; i++) {
        assertEquals(Relu.apply((int) codes[i], zeroPoint), result.beats().get(i).lanes()[0], "code " + codes[i]);
        assertEquals(beats.get(i).last(), result.beats().get(i).last());
      }
    }
  }

  @Test
  void reluHasLatencyOneAndTakesABeatEveryCycle() {
    List<StreamBench.Beat> beats = scalarBeats(edgeAndRandomCodes(IntFormat.signed(8), 40, 1), 40);
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new ReluBlock(8, 0)), Engine.SILICA)) {
      tester.reset();
      StreamBench.Result result = runScalar(tester, List.of("in"), List.of(beats), 1, 1.0);
      assertEquals(1, result.latency());
      assertEquals(39, result.lastOutputCycle() - result.firstOutputCycle());
    }
  }

  private static ResidualAdd residual(int aBits, int bBits, int outBits, int guardBits) {
    QuantSpec a = new QuantSpec(0.7 * 4.0 / (1 << (aBits - 1)), 1, IntFormat.signed(aBits));
    QuantSpec b = new QuantSpec(1.3 * 4.0 / (1 << (bBits - 1)), -2, IntFormat.signed(bBits));
    QuantSpec out = new QuantSpec(1.5 * 4.0 / (1 << (outBits - 1)), 0, IntFormat.signed(outBits));
    return new ResidualAdd(a, b, out, 16, guardBits);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4,4,4,4", "6,6,6,0", "8,8,8,4", "8,4,6,2", "4,8,8,4"})
  void residualAddEqualsGoldenBitForBit(String widths) {
    checkResidualAddEqualsGoldenBitForBit(Engine.SILICA, widths);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void residualAddOnVerilatorAgreesWithGolden() {
    Tools.require("verilator");
    checkResidualAddEqualsGoldenBitForBit(Engine.VERILATOR, "8,4,6,2");
  }

  private static void checkResidualAddEqualsGoldenBitForBit(Engine engine, String widths) {
    String[] w = widths.split(",");
    ResidualAdd golden = residual(Integer.parseInt(w[0]), Integer.parseInt(w[1]), Integer.parseInt(w[2]),
        Integer.parseInt(w[3]));
    long[] a = edgeAndRandomCodes(golden.a().format(), 400, 11);
    long[] b = edgeAndRandomCodes(golden.b().format(), 400, 12);
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new ResidualAddBlock(golden)), engine)) {
      tester.reset();
      StreamBench.Result result = runScalar(tester, List.of("a", "b"), List.of(scalarBeats(a, 9), scalarBeats(b, 9)),
          13, 0.7);
      for (int i = 0; i < a.length; i++) {
        assertEquals(golden.apply((int) a[i], (int) b[i]), result.beats().get(i).lanes()[0],
            "a=" + a[i] + " b=" + b[i]);
        assertEquals(i % 9 == 8, result.beats().get(i).last());
      }
    }
  }

  @Test
  void residualAddHasLatencyTwoAndTakesABeatEveryCycle() {
    ResidualAdd golden = residual(8, 8, 8, 4);
    long[] a = edgeAndRandomCodes(golden.a().format(), 30, 1);
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new ResidualAddBlock(golden)), Engine.SILICA)) {
      tester.reset();
      StreamBench.Result result = runScalar(tester, List.of("a", "b"), List.of(scalarBeats(a, 30), scalarBeats(a, 30)),
          1, 1.0);
      assertEquals(2, result.latency());
      assertEquals(29, result.lastOutputCycle() - result.firstOutputCycle());
    }
  }

  private static List<StreamBench.Beat> vectorBeats(int[][] rows, int windowLength) {
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int t = 0; t < rows.length; t++) {
      long[] lanes = new long[rows[t].length];
      for (int c = 0; c < lanes.length; c++) {
        lanes[c] = rows[t][c];
      }
      beats.add(new StreamBench.Beat(lanes, t % windowLength == windowLength - 1));
    }
    return beats;
  }

  private static int[][] randomRows(IntFormat format, int rows, int channels, Random random) {
    int[][] result = new int[rows][channels];
    for (int[] row : result) {
      for (int c = 0; c < channels; c++) {
        row[c] = (int) (format.min() + random.nextInt((int) format.codeCount()));
      }
    }
    return result;
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void avgPoolEqualsGoldenOverRandomAndExtremeWindows(int bits) {
    checkAvgPoolEqualsGoldenOverRandomAndExtremeWindows(Engine.SILICA, bits);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void avgPoolOnVerilatorAgreesWithGolden() {
    Tools.require("verilator");
    checkAvgPoolEqualsGoldenOverRandomAndExtremeWindows(Engine.VERILATOR, 6);
  }

  private static void checkAvgPoolEqualsGoldenOverRandomAndExtremeWindows(Engine engine, int bits) {
    IntFormat format = IntFormat.signed(bits);
    int channels = 5;
    int length = 7;
    int windows = 12;
    Random random = new Random(bits);
    int[][] rows = randomRows(format, windows * length, channels, random);
    for (int t = 0; t < length; t++) {
      java.util.Arrays.fill(rows[t], (int) format.min());
      java.util.Arrays.fill(rows[length + t], (int) format.max());
      rows[2 * length + t][0] = t % 2 == 0 ? 1 : -2;
    }
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new AvgPoolBlock(bits, channels, length)),
        engine)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, bits, 0.7, 0.5).run(
          List.of(StreamBench.Port.vector("in", channels)), List.of(vectorBeats(rows, length)),
          StreamBench.Port.vector("out", channels), windows, 40 * rows.length);
      for (int w = 0; w < windows; w++) {
        int[] expected = GlobalAvgPool.apply(java.util.Arrays.copyOfRange(rows, w * length, (w + 1) * length));
        assertArrayEquals(java.util.Arrays.stream(expected).asLongStream().toArray(), result.beats().get(w).lanes(),
            "window " + w);
        assertEquals(true, result.beats().get(w).last());
      }
    }
  }

  @Test
  void avgPoolDeliversOneCycleAfterTheLastPositionAndTakesAPositionEveryCycle() {
    int length = 16;
    int[][] rows = randomRows(IntFormat.signed(8), 3 * length, 4, new Random(5));
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new AvgPoolBlock(8, 4, length)), Engine.SILICA)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, 1, 1.0, 1.0).run(
          List.of(StreamBench.Port.vector("in", 4)), List.of(vectorBeats(rows, length)),
          StreamBench.Port.vector("out", 4), 3, 200);
      assertEquals(length, result.latency(), "first result one cycle after the 16th position");
      assertEquals(2 * length, result.lastOutputCycle() - result.firstOutputCycle(), "a window every 16 cycles");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void posEncEqualsGoldenBitForBitAcrossSequencesAndSaturation(int bits) {
    checkPosEncEqualsGoldenBitForBitAcrossSequencesAndSaturation(Engine.SILICA, bits);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void posEncOnVerilatorAgreesWithGolden() {
    Tools.require("verilator");
    checkPosEncEqualsGoldenBitForBitAcrossSequencesAndSaturation(Engine.VERILATOR, 8);
  }

  private static void checkPosEncEqualsGoldenBitForBitAcrossSequencesAndSaturation(Engine engine, int bits) {
    IntFormat format = IntFormat.signed(bits);
    QuantSpec spec = new QuantSpec(4.0 / (1 << (bits - 1)), 0, format);
    int channels = 6;
    int maxLength = 10;
    PositionalEncoding golden = new PositionalEncoding(maxLength, channels, spec);
    int[] sequenceLengths = {10, 3, 10, 1, 7};
    Random random = new Random(bits + 100);
    List<int[][]> sequences = new ArrayList<>();
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int s = 0; s < sequenceLengths.length; s++) {
      int[][] rows = randomRows(format, sequenceLengths[s], channels, random);
      if (s == 0) {
        java.util.Arrays.fill(rows[0], (int) format.max());
        java.util.Arrays.fill(rows[1], (int) format.min());
      }
      sequences.add(rows);
      beats.addAll(vectorBeats(rows, rows.length));
    }
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new PosEncBlock(golden)), engine)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, bits, 0.7, 0.6).run(
          List.of(StreamBench.Port.vector("in", channels)), List.of(beats), StreamBench.Port.vector("out", channels),
          beats.size(), 40 * beats.size());
      int beat = 0;
      for (int[][] sequence : sequences) {
        int[][] expected = golden.apply(sequence);
        for (int[] row : expected) {
          assertArrayEquals(java.util.Arrays.stream(row).asLongStream().toArray(), result.beats().get(beat).lanes(),
              "beat " + beat);
          beat++;
        }
      }
    }
  }

  @Test
  void posEncHasLatencyOneAndTakesAPositionEveryCycle() {
    PositionalEncoding golden = new PositionalEncoding(8, 4, QuantSpec.symmetric(1.0 / 16, 8));
    int[][] rows = randomRows(IntFormat.signed(8), 8, 4, new Random(2));
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new PosEncBlock(golden)), Engine.SILICA)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, 1, 1.0, 1.0).run(
          List.of(StreamBench.Port.vector("in", 4)), List.of(vectorBeats(rows, 8)), StreamBench.Port.vector("out", 4),
          8, 50);
      assertEquals(1, result.latency());
      assertEquals(7, result.lastOutputCycle() - result.firstOutputCycle());
    }
  }
}
