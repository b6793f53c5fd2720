package dev.silica.examples.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import dev.silica.ir.pass.Passes;
import dev.silica.synth.LogicDepth;
import dev.silica.synth.ResourceTable;
import dev.silica.synth.YosysSynth;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.transformer.accel.ModelSource;
import dev.silica.transformer.data.WindowSet;
import dev.silica.transformer.model.IntegerForecaster;
import dev.silica.transformer.model.TrainedModel;
import dev.silica.verilog.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default forecaster through the external tools: Verilator runs sample windows of the emitted
 * Verilog to the same predictions (the integer inference's) in the same cycles as Silica's
 * simulator, and Yosys finds that it fits the XC7S15 with an estimated Fmax of at least 100 MHz.
 * Verilator's lint and Icarus run on it with every generator ({@code GeneratorsThroughToolsTest}).
 */
class ForecasterThroughToolsTest {

  private static final int WINDOWS = 3;

  @Test
  void verilatorPredictsWhatTheIntegerInferenceAndSilicaPredict() {
    Tools.require("verilator");
    TrainedModel model = ModelSource.load(ModelSource.DEFAULT);
    IntegerForecaster golden = new IntegerForecaster(model.quantized());
    WindowSet test = model.dataset().load(model.config().window()).test();
    Design design = Passes.standard().run(GeneratorRegistry.load().get("forecaster").generate(Map.of()));
    try (Tester verilator = Tester.of(design, Engine.VERILATOR); Tester silica = Tester.of(design, Engine.SILICA)) {
      ForecasterDriver onVerilator = new ForecasterDriver(verilator);
      ForecasterDriver onSilica = new ForecasterDriver(silica);
      double[] window = new double[test.window() * test.features()];
      for (int i = 0; i < WINDOWS; i++) {
        // spread over the test set
        test.copyWindow(i * (test.count() / WINDOWS), window, 0);
        int[][] codes = golden.inputCodes(window);
        assertEquals(golden.predictAccumulator(codes), onVerilator.infer(codes), "window " + i);
        assertEquals(onSilica.infer(codes), golden.predictAccumulator(codes), "window " + i);
        assertEquals(onSilica.lastCycles(), onVerilator.lastCycles(), "cycles of window " + i);
      }
    }
  }

  @Test
  void yosysFitsTheXc7s15AtOneHundredMegahertz() {
    Tools.require("yosys");
    // the optimized design, as silica build and silica forecast write it
    Design design = Passes.standard().run(GeneratorRegistry.load().get("forecaster").generate(Map.of()));
    ResourceTable table;
    try {
      table = YosysSynth.find().orElseThrow().synthesize(design).table();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(table.fits(), "over capacity: " + table.overflow());
    LogicDepth depth = table.depth().orElseThrow();
    assertTrue(depth.fmaxMhz() >= 100, depth.levels() + " levels: " + depth.fmaxMhz() + " MHz");
  }
}
