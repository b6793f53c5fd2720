package dev.silica.examples.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.dsl.Elaborator;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.pass.Passes;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.transformer.accel.AcceleratorConfig;
import dev.silica.transformer.accel.ForecasterAccelerator;
import dev.silica.transformer.accel.ModelSource;
import dev.silica.transformer.accel.Program;
import dev.silica.transformer.accel.ProgramCompiler;
import dev.silica.transformer.accel.Schedule;
import dev.silica.transformer.blocks.MultiplierKind;
import dev.silica.transformer.data.Dataset;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.model.ModelConfig;
import dev.silica.transformer.model.QuantizedModel;
import dev.silica.transformer.model.UntrainedModel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Schedule}, which counts an inference's cycles from the program alone, agrees exactly with
 * the accelerator simulated on Silica's simulator, over array shapes (one row, one column, non-square,
 * discarded rows), multipliers (packed included), storage styles, split and unsplit probabilities
 * and input codes, and models of one and several layers and heads.
 */
class ScheduleVersusSimulationTest {

  /**
   * A bundled model, the test resource of a 2-layer, 2-head, 6-bit traffic model (window 8, d_model
   * 16), or {@code untrained-W-D-B-P-I}: an untrained air-quality model of window W, d_model D, B bits
   * with P-bit probabilities and I-bit input codes.
   */
  private static QuantizedModel model(String name) {
    if (name.equals("two-layers-two-heads")) {
      try {
        Path file = Path.of(ScheduleVersusSimulationTest.class.getResource("/models/traffic-8-16-6-l2h2.json").toURI());
        return ModelSource.load(file.toString()).quantized();
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    if (name.startsWith("untrained-")) {
      String[] shape = name.split("-");
      int window = Integer.parseInt(shape[1]);
      ForecastData data = Dataset.AIRQUALITY.load(window);
      ModelConfig config = ModelConfig.published(window, data.channels().size(), Integer.parseInt(shape[2]));
      return UntrainedModel.of(config, Integer.parseInt(shape[3]), Integer.parseInt(shape[4]),
          Integer.parseInt(shape[5]), 1, data);
    }
    return ModelSource.load(name).quantized();
  }

  @ParameterizedTest(name = "{0}: {1}x{2} {3}, {4}")
  @CsvSource({
    "air-12-32-4, 12, 4, LUT, BLOCK",
    "air-12-32-4, 3, 8, DSP, DISTRIBUTED",
    "air-12-32-4, 12, 1, LUT, BLOCK",
    "two-layers-two-heads, 4, 4, LUT, BLOCK",
    "two-layers-two-heads, 8, 2, DSP, DISTRIBUTED",
    "untrained-6-8-8-8-8, 1, 2, DSP, BLOCK",
    "untrained-6-8-4-4-4, 3, 2, PACKED, DISTRIBUTED",
    "untrained-6-8-4-4-4, 6, 8, PACKED, BLOCK",
    "untrained-6-8-4-8-8, 3, 2, LUT, BLOCK",
    "untrained-6-8-4-4-8, 2, 4, DSP, DISTRIBUTED",
  })
  @DisplayName("the analytic cycles of one inference equal the simulated cycles")
  void analyticCyclesEqualSimulatedCycles(String model, int rows, int cols, MultiplierKind multiplier,
      Memory.Style storage) {
    Program program = ProgramCompiler.compile(model(model), new AcceleratorConfig(rows, cols, multiplier, storage));
    Design design = Passes.standard().run(Elaborator.elaborate(() -> new ForecasterAccelerator(program)));
    int window = program.model().window();
    int features = program.model().features();
    Random random = new Random(rows * 31L + cols);
    int[][] codes = new int[window][features];
    int half = 1 << (program.inputBits() - 1);
    for (int[] step : codes) {
      for (int f = 0; f < features; f++) {
        step[f] = random.nextInt(2 * half) - half;
      }
    }
    long simulated;
    try (Tester tester = Tester.of(design, Engine.SILICA)) {
      ForecasterDriver driver = new ForecasterDriver(tester);
      driver.infer(codes);
      simulated = driver.lastCycles();
    }
    assertEquals(simulated, Schedule.of(program).cycles());
  }
}
