package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.dsl.Elaborator;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.verilog.Tools;
import dev.silica.transformer.blocks.SoftmaxBlock;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntSoftmax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The softmax block on Silica's simulator equals {@link IntSoftmax} (LUT or i-exp exponential,
 * divider) bit for bit at 4, 6 and 8 bits: random rows of random length (fixed seeds), a single-element row, a
 * row of equal codes, the extreme codes, and the longest row, back to back under random stalls.
 */
class SoftmaxSimTest {

  private static List<int[]> rows(IntFormat format, int maxLength, long seed) {
    List<int[]> rows = new ArrayList<>();
    rows.add(new int[] {(int) format.min()});
    int[] equal = new int[Math.min(5, maxLength)];
    Arrays.fill(equal, 1);
    rows.add(equal);
    rows.add(new int[] {(int) format.max(), (int) format.min()});
    int[] longest = new int[maxLength];
    Arrays.fill(longest, (int) format.min());
    longest[maxLength / 2] = (int) format.max();
    rows.add(longest);
    Random random = new Random(seed);
    for (int r = 0; r < 8; r++) {
      int[] row = new int[1 + random.nextInt(maxLength)];
      for (int i = 0; i < row.length; i++) {
        row[i] = (int) (format.min() + random.nextInt((int) format.codeCount()));
      }
      rows.add(row);
    }
    return rows;
  }

  private static StreamBench.Result run(Engine engine, IntSoftmax golden, List<int[]> rows, long seed, double rate) {
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        beats.add(StreamBench.Beat.of(row[i], i == row.length - 1));
      }
    }
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new SoftmaxBlock(golden)), engine)) {
      tester.reset();
      return new StreamBench(tester, seed, rate, rate).run(List.of(StreamBench.Port.scalar("in")), List.of(beats),
          StreamBench.Port.scalar("out"), beats.size(), 60 * beats.size() * (golden.outBits() + 4));
    }
  }

  @ParameterizedTest(name = "s{0} -> u{1}, entries {2} bits, rows up to {3}")
  @CsvSource({"4, 4, 8, 8", "6, 6, 12, 12", "8, 8, 12, 16", "8, 4, 16, 9", "4, 8, 16, 5"})
  void hardwareEqualsGoldenBitForBit(int bits, int outBits, int entryBits, int maxLength) {
    checkHardwareEqualsGoldenBitForBit(Engine.SILICA, bits, outBits, entryBits, maxLength);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void verilatorAgreesWithGoldenBitForBit() {
    Tools.require("verilator");
    checkHardwareEqualsGoldenBitForBit(Engine.VERILATOR, 8, 8, 12, 16);
  }

  private static void checkHardwareEqualsGoldenBitForBit(Engine engine, int bits, int outBits, int entryBits,
      int maxLength) {
    IntFormat format = IntFormat.signed(bits);
    IntSoftmax golden = IntSoftmax.withLut(format, 8.0 / (1 << (bits - 1)), entryBits, outBits, maxLength,
        IntSoftmax.Normalizer.DIVIDER);
    List<int[]> rows = rows(format, maxLength, bits * 7 + maxLength);
    StreamBench.Result result = run(engine, golden, rows, bits, 0.7);
    int beat = 0;
    for (int r = 0; r < rows.size(); r++) {
      int[] row = rows.get(r);
      long[] actual = new long[row.length];
      for (int i = 0; i < row.length; i++) {
        StreamBench.Beat out = result.beats().get(beat++);
        actual[i] = out.lanes()[0];
        assertEquals(i == row.length - 1, out.last(), "last marks the row's final probability");
      }
      assertArrayEquals(Arrays.stream(golden.apply(row)).asLongStream().toArray(), actual, "row " + r);
    }
  }

  @ParameterizedTest(name = "i-exp s{0} -> u{1}, P={2}, rows up to {3}")
  @CsvSource({"4, 4, 6, 8", "6, 6, 8, 12", "8, 8, 8, 16", "8, 6, 10, 7"})
  void iExpHardwareEqualsGoldenBitForBit(int bits, int outBits, int precision, int maxLength) {
    checkIExpHardwareEqualsGoldenBitForBit(Engine.SILICA, bits, outBits, precision, maxLength);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void iExpOnVerilatorAgreesWithGolden() {
    Tools.require("verilator");
    checkIExpHardwareEqualsGoldenBitForBit(Engine.VERILATOR, 6, 6, 8, 12);
  }

  private static void checkIExpHardwareEqualsGoldenBitForBit(Engine engine, int bits, int outBits,
      int precision, int maxLength) {
    IntFormat format = IntFormat.signed(bits);
    IntSoftmax golden = IntSoftmax.withIExp(format, 8.0 / (1 << (bits - 1)), precision, outBits, maxLength,
        IntSoftmax.Normalizer.DIVIDER);
    List<int[]> rows = rows(format, maxLength, bits * 13 + maxLength);
    StreamBench.Result result = run(engine, golden, rows, bits + 1, 0.7);
    int beat = 0;
    for (int r = 0; r < rows.size(); r++) {
      int[] row = rows.get(r);
      long[] actual = new long[row.length];
      for (int i = 0; i < row.length; i++) {
        actual[i] = result.beats().get(beat++).lanes()[0];
      }
      assertArrayEquals(Arrays.stream(golden.apply(row)).asLongStream().toArray(), actual, "row " + r);
    }
  }

  @Test
  void aRowTakesLoadAndSumCyclesThenOutBitsPlusTwoPerElement() {
    IntFormat format = IntFormat.signed(8);
    IntSoftmax golden = IntSoftmax.withLut(format, 0.0625, 12, 8, 16, IntSoftmax.Normalizer.DIVIDER);
    int[] row = new int[10];
    for (int i = 0; i < row.length; i++) {
      row[i] = i * 11 - 50;
    }
    StreamBench.Result result = run(Engine.SILICA, golden, List.of(row), 1, 1.0);
    assertEquals((row.length - 1) + 1 + row.length + 1 + 8, result.latency(),
        "load L, sum L, then one start cycle and 8 divider cycles");
    assertEquals((row.length - 1) * (8 + 2), result.lastOutputCycle() - result.firstOutputCycle());
  }
}
