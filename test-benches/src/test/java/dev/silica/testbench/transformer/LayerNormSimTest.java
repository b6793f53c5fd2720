package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.dsl.Elaborator;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.verilog.Tools;
import dev.silica.transformer.blocks.LayerNormBlock;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntLayerNorm;
import dev.silica.transformer.golden.QuantSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layernorm block on Silica's simulator equals {@link IntLayerNorm} bit for bit at 4, 6, 8
 * and mixed widths: random rows (fixed seeds), a constant row (sigma = 0), a row of one maximum
 * among minimums (saturating), alternating extremes, under random stalls.
 */
class LayerNormSimTest {

  @ParameterizedTest(name = "s{0} -> s{1}, L={2}, F={3}")
  @CsvSource({"4, 4, 4, 4", "6, 6, 8, 8", "8, 8, 16, 8", "8, 4, 6, 6", "4, 8, 5, 10"})
  void hardwareEqualsGoldenBitForBit(int inBits, int outBits, int channels, int fraction) {
    checkHardwareEqualsGoldenBitForBit(Engine.SILICA, inBits, outBits, channels, fraction);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void verilatorAgreesWithGoldenBitForBit() {
    Tools.require("verilator");
    checkHardwareEqualsGoldenBitForBit(Engine.VERILATOR, 6, 6, 8, 8);
  }

  private static void checkHardwareEqualsGoldenBitForBit(Engine engine, int inBits, int outBits, int channels,
      int fraction) {
    Random random = new Random(inBits * 100 + channels);
    double[] gamma = new double[channels];
    double[] beta = new double[channels];
    for (int c = 0; c < channels; c++) {
      gamma[c] = (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble());
      beta[c] = random.nextGaussian() * 0.3;
    }
    IntFormat format = IntFormat.signed(inBits);
    QuantSpec out = new QuantSpec(3.0 / (1 << (outBits - 1)), outBits == 8 ? 2 : 0, IntFormat.signed(outBits));
    IntLayerNorm golden = IntLayerNorm.of(gamma, beta, format, out, fraction, 16);

    List<int[]> rows = new ArrayList<>();
    int[] constant = new int[channels];
    Arrays.fill(constant, (int) format.max());
    rows.add(constant);
    int[] spike = new int[channels];
    Arrays.fill(spike, (int) format.min());
    spike[channels - 1] = (int) format.max();
    rows.add(spike);
    int[] alternating = new int[channels];
    for (int c = 0; c < channels; c++) {
      alternating[c] = (int) (c % 2 == 0 ? format.min() : format.max());
    }
    rows.add(alternating);
    for (int r = 0; r < 10; r++) {
      int[] row = new int[channels];
      for (int c = 0; c < channels; c++) {
        row[c] = (int) (format.min() + random.nextInt((int) format.codeCount()));
      }
      rows.add(row);
    }
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int[] row : rows) {
      for (int c = 0; c < channels; c++) {
        beats.add(StreamBench.Beat.of(row[c], c == channels - 1));
      }
    }
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new LayerNormBlock(golden)), engine)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, channels, 0.7, 0.6).run(
          List.of(StreamBench.Port.scalar("in")), List.of(beats), StreamBench.Port.scalar("out"), beats.size(),
          100 * beats.size() + 1000);
      int beat = 0;
      for (int r = 0; r < rows.size(); r++) {
        long[] actual = new long[channels];
        for (int c = 0; c < channels; c++) {
          StreamBench.Beat outBeat = result.beats().get(beat++);
          actual[c] = outBeat.lanes()[0];
          assertEquals(c == channels - 1, outBeat.last());
        }
        assertArrayEquals(Arrays.stream(golden.apply(rows.get(r))).asLongStream().toArray(), actual, "row " + r);
      }
    }
  }

  @Test
  void aRowTakesLoadSquaresRootThenQuotientBitsPlusTwoPerChannel() {
    int channels = 16;
    double[] ones = new double[channels];
    Arrays.fill(ones, 1);
    IntLayerNorm golden = IntLayerNorm.of(ones, new double[channels], IntFormat.signed(8),
        QuantSpec.symmetric(1.0 / 32, 8), 8, 16);
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      beats.add(StreamBench.Beat.of(c * 13 - 100, c == channels - 1));
    }
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new LayerNormBlock(golden)), Engine.SILICA)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, 1, 1.0, 1.0).run(List.of(StreamBench.Port.scalar("in")),
          List.of(beats), StreamBench.Port.scalar("out"), channels, 1000);
      // L = 16, 8-bit codes: L Q <= 16^2 * (255 * 16)^2 < 2^32, so 16 root steps; the quotient has
      // F + width(16) + 1 = 8 + 5 + 1 = 14 bits. Load 16, squares 16, root 16, start 1, divide 14.
      assertEquals(15 + 1 + 16 + 16 + 1 + 14, result.latency());
      assertEquals(15 * (14 + 2), result.lastOutputCycle() - result.firstOutputCycle());
    }
  }
}
