package dev.silica.examples.forecast;

import com.google.common.base.Preconditions;
import dev.silica.ir.Design;
import dev.silica.power.ActivityRecorder;
import dev.silica.power.EnergyCoefficients;
import dev.silica.power.EnergyEstimate;
import dev.silica.power.SwitchingActivity;
import dev.silica.testbench.SilicaEngine;
import dev.silica.testbench.Tester;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.data.WindowSet;
import dev.silica.transformer.model.IntegerForecaster;
import java.util.function.IntConsumer;

/**
 * The energy per inference of a forecaster accelerator, from the switching of real inferences: the
 * first test windows run one after the other on one simulation whose activity is recorded from
 * the end of reset to the last {@code done} (writing each window's input codes, the start pulse
 * and the inference itself), each prediction checked against the integer-only inference.
 */
public final class ForecastEnergy {

  /**
   * What the recorded inferences did and cost.
   *
   * @param activity the switching over all of them
   * @param perInference the energy estimate divided over the inferences
   * @param windows inferences run
   * @param agreeing inferences whose prediction equals the integer inference's
   * @param inferenceCycles clock cycles from {@code start} to {@code done} (the most of any window)
   */
  public record Result(SwitchingActivity activity, EnergyEstimate perInference, int windows, int agreeing,
      long inferenceCycles) {

    /** Whether every inference agreed with the integer inference. */
    public boolean bitExact() {
      return agreeing == windows;
    }
  }

  private ForecastEnergy() {}

  /**
   * Runs the first {@code windows} test windows of {@code data} through {@code design} at {@code
   * clockMhz} and estimates their energy with coefficients {@code k}.
   *
   * @param progress called with the number of windows done so far
   */
  public static Result measure(Design design, IntegerForecaster golden, ForecastData data, int windows,
      double clockMhz, EnergyCoefficients k, IntConsumer progress) {
    WindowSet test = data.test();
    Preconditions.checkArgument(windows >= 1 && windows <= test.count(), "window count %s outside 1..%s", windows,
        test.count());
    SilicaEngine engine = new SilicaEngine(design);
    try (Tester tester = new Tester(engine)) {
      ForecasterDriver driver = new ForecasterDriver(tester);
      ActivityRecorder recorder = ActivityRecorder.attach(engine.simulator(), design);
      double[] window = new double[test.window() * test.features()];
      int agreeing = 0;
      long cycles = 0;
      for (int i = 0; i < windows; i++) {
        test.copyWindow(i, window, 0);
        int[][] codes = golden.inputCodes(window);
        if (driver.infer(codes) == golden.predictAccumulator(codes)) {
          agreeing++;
        }
        cycles = Math.max(cycles, driver.lastCycles());
        progress.accept(i + 1);
      }
      SwitchingActivity activity = recorder.stop();
      EnergyEstimate energy = EnergyEstimate.of(design, activity, clockMhz, k).per(windows);
      return new Result(activity, energy, windows, agreeing, cycles);
    }
  }
}
