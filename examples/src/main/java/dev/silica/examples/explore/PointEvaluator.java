package dev.silica.examples.explore;

import dev.silica.dsl.Elaborator;
import dev.silica.ir.Design;
import dev.silica.ir.pass.Passes;
import dev.silica.power.EnergyCoefficients;
import dev.silica.synth.Estimator;
import dev.silica.synth.YosysSynth;
import dev.silica.examples.forecast.ForecastEnergy;
import dev.silica.transformer.accel.ForecasterAccelerator;
import dev.silica.transformer.accel.Program;
import dev.silica.transformer.accel.ProgramCompiler;
import dev.silica.transformer.accel.Schedule;
import dev.silica.transformer.model.IntegerForecaster;
import dev.silica.transformer.model.ModelFormatException;
import java.io.IOException;
import java.util.Optional;

/**
 * Measures one design point: compiles its model for its accelerator, elaborates and optimizes the
 * hardware, estimates its resources from the IR and counts its cycles from the program's {@link
 * Schedule}; or synthesizes it with Yosys; or simulates its inferences for their energy.
 */
final class PointEvaluator {

  private PointEvaluator() {}

  /** The point's estimate, or why it is invalid (an array that does not divide the model, packing refused). */
  static PointResult estimate(DesignPoint point, ShapeModel model) {
    long started = System.nanoTime();
    Program program;
    try {
      program = ProgramCompiler.compile(model.model(), point.accelerator());
    } catch (IllegalArgumentException | ModelFormatException e) {
      return PointResult.invalid(point, model.source(), e.getMessage(), millisSince(started));
    }
    var table = Estimator.estimate(design(program));
    long cycles = Schedule.of(program).cycles();
    return new PointResult(point, model.source(), Optional.empty(), table, Optional.empty(), Optional.empty(), cycles,
        millisSince(started), model.rmse(), Optional.empty());
  }

  /** {@code result} with Yosys's resources for its point, synthesized afresh, or with why Yosys failed. */
  static PointResult synthesize(PointResult result, ShapeModel model, YosysSynth yosys) {
    Program program = ProgramCompiler.compile(model.model(), result.point().accelerator());
    try {
      return result.withYosys(yosys.synthesize(design(program)).table());
    } catch (IOException e) {
      return result.withYosysFailure(e.getMessage().lines().findFirst().orElse("yosys failed"));
    }
  }

  /**
   * {@code result} with its energy per inference over the first {@code windows} test windows of its
   * model's data (all of them when fewer) at {@code clockMhz}, measured as {@code silica energy} does.
   */
  static PointResult energy(PointResult result, ShapeModel model, int windows, double clockMhz) {
    Program program = ProgramCompiler.compile(model.model(), result.point().accelerator());
    int count = Math.min(windows, model.data().test().count());
    ForecastEnergy.Result measured = ForecastEnergy.measure(design(program), new IntegerForecaster(model.model()),
        model.data(), count, clockMhz, EnergyCoefficients.XC7S15, done -> {});
    return result.withEnergy(PointEnergy.of(measured));
  }

  private static Design design(Program program) {
    return Passes.standard().run(Elaborator.elaborate(() -> new ForecasterAccelerator(program)));
  }

  private static double millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e6;
  }
}
