package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.dsl.Elaborator;
import dev.silica.ir.Design;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.verilog.Tools;
import dev.silica.transformer.blocks.RequantBlock;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.Requantizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The requant block on Silica's simulator equals the golden {@link Requantizer} bit for bit, in
 * every rounding mode, at 4, 6 and 8 output bits, for random accumulators (fixed seeds) and edge
 * cases, under random valid/ready stalls.
 */
class RequantSimTest {

  static Stream<Arguments> configurations() {
    List<Arguments> cases = new ArrayList<>();
    int[][] widths = {{12, 4}, {18, 6}, {24, 8}, {32, 8}};
    double[] scales = {0.0123, 0.00390625, 0.71, 1.0 / 3000};
    int seed = 0;
    for (int[] w : widths) {
      for (double scale : scales) {
        int zeroPoint = (seed % 3) - 1;
        IntFormat out = IntFormat.signed(w[1]);
        cases.add(Arguments.of("double", w[0], Requantizer.doubleRounding(scale, zeroPoint, out), seed++));
        cases.add(Arguments.of("single", w[0], Requantizer.singleRounding(scale, zeroPoint, out), seed++));
        cases.add(Arguments.of("half-up m16", w[0], Requantizer.roundHalfUpShift(scale, 16, zeroPoint, out), seed++));
        cases.add(Arguments.of("half-up m8", w[0], Requantizer.roundHalfUpShift(scale, 8, zeroPoint, out), seed++));
      }
    }
    return cases.stream();
  }

  /** Random accumulators, then the format's ends, zero, ones and values on rounding ties. */
  private static List<Long> accumulators(int accBits, Requantizer golden, long seed) {
    IntFormat acc = IntFormat.signed(accBits);
    List<Long> values = new ArrayList<>(List.of(acc.min(), acc.max(), 0L, 1L, -1L, acc.min() + 1, acc.max() - 1));
    double scale = golden.realScale();
    for (int k = -5; k <= 5; k++) {
      long tie = Math.round((k + 0.5) / scale);
      if (acc.contains(tie)) {
        values.add(tie);
      }
    }
    Random random = new Random(seed);
    long reach = Math.min(acc.max(), (long) (300 / scale));
    for (int i = 0; i < 150; i++) {
      values.add(random.nextBoolean() ? acc.min() + (long) (random.nextDouble() * acc.codeCount())
          : (long) ((random.nextDouble() * 2 - 1) * reach));
    }
    return values;
  }

  @ParameterizedTest(name = "{0} acc s{1} -> {2}")
  @MethodSource("configurations")
  void hardwareEqualsGoldenBitForBit(String mode, int accBits, Requantizer golden, int seed) {
    checkHardwareEqualsGoldenBitForBit(Engine.SILICA, mode, accBits, golden, seed);
  }

  /** The same check on Verilator through the Tester, for one parameter set. */
  @Test
  void verilatorAgreesWithGoldenBitForBit() {
    Tools.require("verilator");
    checkHardwareEqualsGoldenBitForBit(Engine.VERILATOR, "single", 24, Requantizer.doubleRounding(0.0123, 1,
        IntFormat.signed(8)), 5);
  }

  private static void checkHardwareEqualsGoldenBitForBit(Engine engine, String mode, int accBits,
      Requantizer golden, int seed) {
    Design design = Elaborator.elaborate(() -> new RequantBlock(accBits, golden));
    List<Long> accs = accumulators(accBits, golden, seed);
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int i = 0; i < accs.size(); i++) {
      beats.add(StreamBench.Beat.of(accs.get(i), i % 16 == 15));
    }
    try (Tester tester = Tester.of(design, engine)) {
      tester.reset();
      StreamBench bench = new StreamBench(tester, seed, 0.7, 0.6);
      StreamBench.Result result = bench.run(List.of(StreamBench.Port.scalar("in")), List.of(beats),
          StreamBench.Port.scalar("out"), beats.size(), 20 * beats.size());
      for (int i = 0; i < accs.size(); i++) {
        assertEquals(golden.apply(accs.get(i)), result.beats().get(i).lanes()[0], "acc " + accs.get(i));
        assertEquals(beats.get(i).last(), result.beats().get(i).last(), "last of beat " + i);
      }
    }
  }

  @Test
  void latencyIsTwoCyclesAndThroughputOneBeatPerCycle() {
    Requantizer golden = Requantizer.singleRounding(0.01, 0, IntFormat.signed(8));
    Design design = Elaborator.elaborate(() -> new RequantBlock(20, golden));
    List<StreamBench.Beat> beats = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      beats.add(StreamBench.Beat.of(i * 97 - 2000, i == 49));
    }
    try (Tester tester = Tester.of(design, Engine.SILICA)) {
      tester.reset();
      StreamBench.Result result = new StreamBench(tester, 1, 1.0, 1.0).run(List.of(StreamBench.Port.scalar("in")),
          List.of(beats), StreamBench.Port.scalar("out"), 50, 100);
      assertEquals(2, result.latency());
      assertEquals(49, result.lastOutputCycle() - result.firstOutputCycle(), "50 beats in 50 consecutive cycles");
    }
  }
}
