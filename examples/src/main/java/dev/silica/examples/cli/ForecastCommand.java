package dev.silica.examples.cli;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.synth.ResourceTable;
import dev.silica.testbench.Engine;
import dev.silica.examples.forecast.HardwareForecast;
import dev.silica.transformer.accel.ForecasterGenerator;
import dev.silica.transformer.accel.Program;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.model.IntegerForecaster;
import dev.silica.transformer.model.TrainedModel;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica forecast}: elaborates the forecaster accelerator for a model, prints its resources
 * on the XC7S15, simulates test windows on Silica's simulator checking every prediction against the
 * integer-only inference, and prints cycles, latency and RMSE beside the published accelerators.
 * The last line reads {@code forecast: cycles=N latency_us=X rmse=Y exact=A/W}; the exit code is 1
 * when a window disagrees.
 */
@Command(
    name = "forecast",
    description = "Elaborate the forecaster for a model, simulate its test windows bit-exactly against the integer"
        + " inference and compare cycles and latency with the published accelerators.")
final class ForecastCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ForecasterOptions forecaster;

  @Option(names = "--windows", paramLabel = "N", description = "Simulate only the first N test windows (default: all).")
  Integer windows;

  @Option(names = "--threads", paramLabel = "N", description = "Simulations in parallel (default: the processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--clock-mhz", paramLabel = "MHZ", description = "Clock for the latency (default: ${DEFAULT-VALUE}).")
  double clockMhz = 100;

  @Override
  public Integer call() {
    Params params = forecaster.params();
    Design design = ForecasterOptions.design(params);
    return report(params, design, windows, threads, clockMhz, spec.commandLine().getOut()) ? 0 : 1;
  }

  /**
   * Prints the resources of the forecaster {@code design} (elaborated from {@code params}), refusing
   * with a one-line error when it does not fit the XC7S15, then simulates test windows and prints
   * the comparison; returns whether every simulated window agreed with the integer inference.
   */
  static boolean report(Params params, Design design, Integer windows, int threads, double clockMhz,
      PrintWriter out) {
    if (threads < 1 || !(clockMhz > 0) || (windows != null && windows < 1)) {
      throw new ParameterError("--threads and --windows must be >= 1 and --clock-mhz positive");
    }
    TrainedModel trained = ForecasterGenerator.model(params);
    Program program = ForecasterGenerator.program(params);
    var config = program.model();
    out.printf("forecaster for %s: %s (window %d, d_model %d, %s), %dx%d %s array, %s storage, %d instructions%n%n",
        params.getString("model"), trained.dataset().cliName(), config.window(), config.dModel(), trained.widths(),
        program.accel().rows(), program.accel().cols(), program.accel().multiplier().name().toLowerCase(Locale.ROOT),
        program.accel().storage().mnemonic(), program.instructions().size());
    ImmutableList<ResourceTable> tables = ResourceTables.tables(design);
    out.print(ResourceTables.render(tables));
    out.println();
    out.flush();
    ResourceTable decisive = tables.get(0);
    if (!decisive.fits()) {
      throw new UserError("the forecaster for " + params.getString("model") + " does not fit the XC7S15 ("
          + decisive.source() + "): " + decisive.overflow());
    }

    ForecastData data = trained.dataset().load(config.window());
    int count = windows == null ? data.test().count() : Math.min(windows, data.test().count());
    ProgressBar bar = new ProgressBar(System.err, count, "windows");
    HardwareForecast.Result result = HardwareForecast.run(design, Engine.SILICA,
        new IntegerForecaster(trained.quantized()), data, count, threads, bar::update);

    double latencyUs = result.maxCycles() / clockMhz;
    out.printf("%-34s %14s %14s %14s%n", "", "cycles", "latency", "test RMSE");
    out.printf("%-34s %,14d %11.1f us %14s%n", "this accelerator (" + config.window() + "," + config.dModel() + ","
        + trained.bits() + ")", result.maxCycles(), latencyUs,
        Double.isNaN(result.hardwareRmse()) ? "-" : String.format("%.4f %s", result.hardwareRmse(), data.units()));
    for (Published p : Published.values()) {
      out.printf("%-34s %,14d %11.1f us %14s%n", "published " + p.label, p.cycles(), p.cycles() / clockMhz, "-");
    }
    Published same = Published.of(config.window(), config.dModel(), trained.bits());
    if (same != null) {
      out.printf("speed-up over the published (%d,%d,%d) at equal clock: %.1fx%n", config.window(), config.dModel(),
          trained.bits(), (double) same.cycles() / result.maxCycles());
    }
    out.printf("hardware equals integer inference on %,d of %,d windows%s%n", result.agreeing(), result.windows(),
        result.bitExact() ? "" : " (first difference: window " + result.firstMismatch() + ")");
    out.printf(Locale.ROOT, "forecast: cycles=%d latency_us=%.2f rmse=%s exact=%d/%d%n", result.maxCycles(), latencyUs,
        Double.isNaN(result.hardwareRmse()) ? "-" : String.format(Locale.ROOT, "%.4f", result.hardwareRmse()),
        result.agreeing(), result.windows());
    out.flush();
    return result.bitExact();
  }

  /**
   * The published integer-only Transformer accelerators on the XC7S15 (one sequential MAC per
   * layer), by (window, d_model, bits), with their latencies at 100 MHz and energies per inference
   * as the paper reports them.
   */
  enum Published {
    W6_D64_B8(6, 64, 8, 2.82, 0.212),
    W12_D64_B6(12, 64, 6, 4.61, 0.364),
    W12_D32_B4(12, 32, 4, 1.33, 0.084);

    final int window;
    final int dModel;
    final int bits;
    final double milliseconds;
    final double millijoules;
    final String label;

    Published(int window, int dModel, int bits, double milliseconds, double millijoules) {
      this.window = window;
      this.dModel = dModel;
      this.bits = bits;
      this.milliseconds = milliseconds;
      this.millijoules = millijoules;
      this.label = "(" + window + "," + dModel + "," + bits + ")";
    }

    /** Cycles at the published 100 MHz. */
    long cycles() {
      return Math.round(milliseconds * 100_000);
    }

    static Published of(int window, int dModel, int bits) {
      for (Published p : values()) {
        if (p.window == window && p.dModel == dModel && p.bits == bits) {
          return p;
        }
      }
      return null;
    }
  }
}
