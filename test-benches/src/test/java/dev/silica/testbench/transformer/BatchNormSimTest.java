package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.dsl.Elaborator;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.verilog.Tools;
import dev.silica.transformer.blocks.BatchNormBlock;
import dev.silica.transformer.golden.BatchNormParams;
import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.QuantSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batchnorm block on Silica's simulator equals {@link FoldedBatchNorm} bit for bit at 4, 6, 8
 * and mixed widths, for random statistics and codes (fixed seeds) plus every channel's extreme
 * codes (saturating both ways), under random stalls; and its latency and throughput.
 */
class BatchNormSimTest {

  private static FoldedBatchNorm golden(int inBits, int outBits, int channels, int coefficientBits, long seed) {
    Random random = new Random(seed);
    double[] gamma = new double[channels];
    double[] beta = new double[channels];
    double[] mean = new double[channels];
    double[] variance = new double[channels];
    for (int c = 0; c < channels; c++) {
      gamma[c] = (random.nextBoolean() ? 1 : -1) * (0.3 + 1.5 * random.nextDouble());
      beta[c] = random.nextGaussian();
      mean[c] = random.nextGaussian();
      variance[c] = 0.2 + 2 * random.nextDouble();
    }
    QuantSpec in = new QuantSpec(4.0 / (1 << (inBits - 1)), 1, IntFormat.signed(inBits));
    QuantSpec out = new QuantSpec(3.0 / (1 << (outBits - 1)), -1, IntFormat.signed(outBits));
    return FoldedBatchNorm.fold(new BatchNormParams(gamma, beta, mean, variance, 1e-5), in, out, coefficientBits);
  }

  @ParameterizedTest(name = "s{0} -> s{1}, {2} channels, {3}-bit coefficients")
  @CsvSource({"4, 4, 3, 8", "6, 6, 5, 12", "8, 8, 4, 16", "8, 4, 6, 16", "4, 8, 2, 10"})
  void hardwareEqualsGoldenBitForBit(int inBits, int outBits, int channels, int coefficientBits) {
    checkHardwareEqualsGoldenBitForBit(Engine.SILICA, inBits, outBits, channels, coefficientBits);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void verilatorAgreesWithGoldenBitForBit() {
    Tools.require("verilator");
    checkHardwareEqualsGoldenBitForBit(Engine.VERILATOR, 8, 4, 6, 16);
  }

  private static void checkHardwareEqualsGoldenBitForBit(Engine engine, int inBits, int outBits, int channels,
      int coefficientBits) {
    FoldedBatchNorm golden = golden(inBits, outBits, channels, coefficientBits, inBits * 10 + channels);
    IntFormat format = golden.input().format();
    Random random = new Random(channels);
    List<Integer> codes = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      codes.add((int) format.min());
    }
    for (int c = 0; c < channels; c++) {
      codes.add((int) format.max());
    }
    for (int i = 0; i < 60 * channels; i++) {
      codes.add((int) (format.min() + random.nextInt((int) format.codeCount())));
    }
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      beats.add(StreamBench.Beat.of(codes.get(i), i % channels == channels - 1));
    }
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new BatchNormBlock(golden)), engine)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, channels, 0.7, 0.6).run(
          List.of(StreamBench.Port.scalar("in")), List.of(beats), StreamBench.Port.scalar("out"), beats.size(),
          30 * beats.size());
      for (int i = 0; i < codes.size(); i++) {
        assertEquals(golden.apply(codes.get(i), i % channels), result.beats().get(i).lanes()[0],
            "code " + codes.get(i) + " channel " + i % channels);
        assertEquals(beats.get(i).last(), result.beats().get(i).last());
      }
    }
  }

  @Test
  void latencyIsTwoAndThroughputOneCodePerCycle() {
    FoldedBatchNorm golden = golden(8, 8, 4, 16, 1);
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      beats.add(StreamBench.Beat.of(i - 20, i % 4 == 3));
    }
    try (Tester tester = Tester.of(Elaborator.elaborate(() -> new BatchNormBlock(golden)), Engine.SILICA)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, 1, 1.0, 1.0).run(List.of(StreamBench.Port.scalar("in")),
          List.of(beats), StreamBench.Port.scalar("out"), 40, 100);
      assertEquals(2, result.latency());
      assertEquals(39, result.lastOutputCycle() - result.firstOutputCycle());
    }
  }
}
