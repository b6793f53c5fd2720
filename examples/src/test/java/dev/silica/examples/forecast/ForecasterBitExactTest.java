package dev.silica.examples.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.pass.Passes;
import dev.silica.testbench.Engine;
import dev.silica.transformer.accel.AcceleratorConfig;
import dev.silica.transformer.accel.ForecasterAccelerator;
import dev.silica.transformer.accel.ForecasterGenerator;
import dev.silica.transformer.accel.Program;
import dev.silica.transformer.accel.ProgramCompiler;
import dev.silica.transformer.blocks.MultiplierKind;
import dev.silica.transformer.data.Dataset;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.model.IntegerForecaster;
import dev.silica.transformer.model.ModelConfig;
import dev.silica.transformer.model.QuantizedModel;
import dev.silica.transformer.model.TrainedModel;
import dev.silica.transformer.model.UntrainedModel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forecaster accelerator on Silica's simulator predicts exactly what the integer-only
 * inference ({@link IntegerForecaster}, plain Java) predicts: on every test window of the default
 * model, and on a sample of windows for other array shapes, multipliers, storage and models
 * (several layers and heads included), and for input codes wider than the array's operands (which
 * enter it in two halves), each inference taking the same number of cycles.
 */
class ForecasterBitExactTest {

  private static final Generator FORECASTER = GeneratorRegistry.load().get("forecaster");
  private static final int THREADS = 2;

  private static HardwareForecast.Result run(Map<String, String> arguments, Integer windows) {
    Params params = Params.of(FORECASTER, arguments);
    TrainedModel model = ForecasterGenerator.model(params);
    Design design = Passes.standard().run(FORECASTER.elaborate(params));
    ForecastData data = model.dataset().load(model.config().window());
    int count = windows == null ? data.test().count() : windows;
    return HardwareForecast.run(design, Engine.SILICA, new IntegerForecaster(model.quantized()), data, count, THREADS,
        done -> { });
  }

  /** A bundled model, or the test resource of a 2-layer, 2-head, 6-bit traffic model (window 8, d_model 16). */
  private static String source(String model) {
    if (!model.equals("two-layers-two-heads")) {
      return model;
    }
    try {
      return Path.of(ForecasterBitExactTest.class.getResource("/models/traffic-8-16-6-l2h2.json").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyTestWindowOfTheDefaultModelIsBitExactAndTenTimesFasterThanPublished() {
    HardwareForecast.Result result = run(Map.of(), null);
    assertTrue(result.bitExact(), result.agreeing() + " of " + result.windows() + " windows agree, first difference "
        + result.firstMismatch());
    assertEquals(result.minCycles(), result.maxCycles(), "the schedule does not depend on the data");
    assertEquals(result.integerRmse(), result.hardwareRmse());
    // issue 11's goal: a tenth of the published design's 133,000 cycles
    assertTrue(result.maxCycles() <= 13_300, result.maxCycles() + " cycles per inference");
  }

  @ParameterizedTest(name = "{0}: {1}x{2} {3}, {4}")
  @CsvSource({
    "air-12-32-4, 6, 2, dsp, distributed",
    "air-12-32-4, 4, 8, dsp, block",
    "air-12-32-4, 12, 1, lut, block",
    "traffic-12-32-4, 3, 4, lut, distributed",
    "two-layers-two-heads, 4, 4, lut, block",
    "two-layers-two-heads, 8, 2, dsp, distributed",
  })
  void sampleWindowsAreBitExactForOtherShapes(String model, int rows, int cols, String multiplier, String storage) {
    HardwareForecast.Result result = run(Map.of("model", source(model), "rows", "" + rows, "cols", "" + cols,
        "multiplier", multiplier, "storage", storage), 24);
    assertTrue(result.bitExact(), result.agreeing() + " of 24 windows agree, first difference "
        + result.firstMismatch());
    assertEquals(result.minCycles(), result.maxCycles());
  }

  @ParameterizedTest(name = "{0}-bit inputs, {1}-bit probabilities: {2}x{3} {4}")
  @CsvSource({
    "8, 8, 12, 4, LUT",
    "8, 4, 3, 2, DSP",
    "6, 8, 4, 8, LUT",
  })
  void inputCodesWiderThanTheArrayAreBitExact(int inputBits, int probabilityBits, int rows, int cols,
      MultiplierKind multiplier) {
    ForecastData data = Dataset.AIRQUALITY.load(12);
    QuantizedModel model = UntrainedModel.of(ModelConfig.published(12, data.channels().size(), 32), 4,
        probabilityBits, inputBits, 5, data);
    Program program = ProgramCompiler.compile(model, new AcceleratorConfig(rows, cols, multiplier, Memory.Style.BLOCK));
    assertTrue(program.splitsInputs());
    Design design = Passes.standard().run(Elaborator.elaborate(() -> new ForecasterAccelerator(program)));
    HardwareForecast.Result result = HardwareForecast.run(design, Engine.SILICA, new IntegerForecaster(model), data, 24,
        THREADS, done -> { });
    assertTrue(result.bitExact(), result.agreeing() + " of 24 windows agree, first difference "
        + result.firstMismatch());
  }
}
