package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.power.EnergyCoefficients;
import dev.silica.power.EnergyEstimate;
import dev.silica.power.SaifWriter;
import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import dev.silica.synth.ResourceTable;
import dev.silica.examples.forecast.ForecastEnergy;
import dev.silica.transformer.accel.ForecasterGenerator;
import dev.silica.transformer.accel.Program;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.model.IntegerForecaster;
import dev.silica.transformer.model.TrainedModel;
import dev.silica.verilog.ProjectOptions;
import dev.silica.verilog.VerilogNames;
import dev.silica.verilog.VerilogProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica energy}: the forecaster accelerator's energy per inference, estimated from the
 * switching of real inferences on Silica's simulator (see {@link ForecastEnergy}), by part, beside
 * the published accelerators' figures; writes the Verilog project with the recorded activity as
 * {@code activity.saif}, which the project's {@code vivado.tcl} reads for Vivado's own power
 * report. The last line reads {@code energy: mj=X dynamic_mj=D static_mj=S cycles=N exact=A/W};
 * the exit code is 1 when an inference disagrees with the integer inference.
 */
@Command(
    name = "energy",
    description = "Estimate the forecaster's energy per inference from simulated switching of test windows, beside the"
        + " published accelerators, and write the Verilog project with the activity as SAIF for Vivado.")
final class EnergyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ForecasterOptions forecaster;

  @Option(names = "--windows", paramLabel = "N", description = "Test windows to simulate (default: ${DEFAULT-VALUE}).")
  int windows = 4;

  @Option(names = "--clock-mhz", paramLabel = "MHZ", description = "The clock (default: ${DEFAULT-VALUE}).")
  double clockMhz = ProjectOptions.DEFAULT_CLOCK_MHZ;

  @Option(names = "--static-mw", paramLabel = "MW",
      description = "The device's static power in mW, from XPE or report_power (default: the model's assumed ${DEFAULT-VALUE}).")
  double staticMilliwatts = EnergyCoefficients.XC7S15.staticWatts() * 1000;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Where the Verilog project and activity.saif go (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("build");

  @Override
  public Integer call() {
    if (windows < 1 || !(clockMhz > 0) || !(staticMilliwatts >= 0)) {
      throw new ParameterError("--windows must be >= 1, --clock-mhz positive and --static-mw not negative");
    }
    Params parsed = forecaster.params();
    Design design = ForecasterOptions.design(parsed);
    PrintWriter out = spec.commandLine().getOut();
    TrainedModel trained = ForecasterGenerator.model(parsed);
    Program program = ForecasterGenerator.program(parsed);
    var config = program.model();
    String shape = "(" + config.window() + "," + config.dModel() + "," + trained.bits() + ")";
    ResourceTable resources = Estimator.estimate(design);
    out.printf("forecaster %s for %s: %dx%d %s array, %s storage%n", shape, parsed.getString("model"),
        program.accel().rows(), program.accel().cols(), program.accel().multiplier().name().toLowerCase(Locale.ROOT),
        program.accel().storage().mnemonic());
    out.flush();

    ForecastData data = trained.dataset().load(config.window());
    int count = Math.min(windows, data.test().count());
    ProgressBar bar = new ProgressBar(System.err, count, "windows");
    EnergyCoefficients k = EnergyCoefficients.XC7S15.withStaticWatts(staticMilliwatts / 1000);
    ForecastEnergy.Result result = ForecastEnergy.measure(design, new IntegerForecaster(trained.quantized()), data,
        count, clockMhz, k, bar::update);
    EnergyEstimate e = result.perInference();
    out.printf(Locale.ROOT, "%d test windows simulated, %d of %d bit-exact: %,d cycles per inference (%.1f us at %s MHz),"
            + " %,.0f with writing the inputs%n%n", count, result.agreeing(), count, result.inferenceCycles(),
        result.inferenceCycles() / clockMhz, trim(clockMhz), e.cycles());
    printBreakdown(out, e, k, resources);
    printPublished(out, e, config.window(), config.dModel(), trained.bits());

    Path saif = writeProject(design, result, out);
    out.printf("%nwrote the Verilog project and %s; with Vivado, Vivado's power from this activity:%n", saif);
    out.printf("  cd %s && vivado -mode batch -source vivado.tcl   (then vivado_out/power.rpt)%n", output);
    out.printf(Locale.ROOT, "energy: mj=%.5f dynamic_mj=%.5f static_mj=%.5f cycles=%d exact=%d/%d%n",
        e.totalJoules() * 1e3, e.dynamicJoules() * 1e3, e.staticJoules() * 1e3, result.inferenceCycles(),
        result.agreeing(), count);
    out.flush();
    return result.bitExact() ? 0 : 1;
  }

  private static void printBreakdown(PrintWriter out, EnergyEstimate e, EnergyCoefficients k, ResourceTable resources) {
    out.println("energy per inference (activity-based estimate; coefficients: EnergyCoefficients, mostly assumed)");
    for (EnergyEstimate.Part p : EnergyEstimate.Part.values()) {
      if (p != EnergyEstimate.Part.STATIC) {
        out.printf(Locale.ROOT, "  %-22s %10.5f mJ%n", p.label(), e.joules(p) * 1e3);
      }
    }
    out.printf(Locale.ROOT, "  %-22s %10.5f mJ%n", "dynamic", e.dynamicJoules() * 1e3);
    out.printf(Locale.ROOT, "  %-22s %10.5f mJ%n", String.format(Locale.ROOT, "static (%.0f mW)", k.staticWatts() * 1e3),
        e.staticJoules() * 1e3);
    out.printf(Locale.ROOT, "  %-22s %10.5f mJ   (mean power %.1f mW)%n", "total", e.totalJoules() * 1e3, e.watts() * 1e3);
    if (e.unmatchedElements() > 0) {
      out.printf("  (%d of the estimator's elements have no simulated signal of their name and were given the mean"
          + " activity)%n", e.unmatchedElements());
    }
    out.printf("  mapped by the estimator: %s%n", summary(resources));
    if (!resources.fits()) {
      out.printf("  (by this estimate the design exceeds the XC7S15: %s; silica forecast gives Yosys's verdict)%n",
          resources.overflow());
    }
  }

  private static void printPublished(PrintWriter out, EnergyEstimate e, int window, int dModel, int bits) {
    out.printf("%npublished accelerators on the XC7S15, energy per inference:%n");
    ForecastCommand.Published same = null;
    for (ForecastCommand.Published p : ForecastCommand.Published.values()) {
      boolean isSame = p.window == window && p.dModel == dModel && p.bits == bits;
      same = isSame ? p : same;
      out.printf(Locale.ROOT, "  %-12s %10.3f mJ%s%n", p.label, p.millijoules, isSame ? "   (this model's shape)" : "");
    }
    if (same != null) {
      out.printf(Locale.ROOT, "this accelerator %s: %.5f mJ, %.0fx less than the published%n", same.label,
          e.totalJoules() * 1e3, same.millijoules / (e.totalJoules() * 1e3));
    }
  }

  private static String summary(ResourceTable t) {
    StringBuilder s = new StringBuilder();
    for (Resource r : new Resource[] {Resource.LUT, Resource.FF, Resource.CARRY4, Resource.DSP48E1, Resource.RAMB36,
        Resource.RAMB18}) {
      s.append(s.length() == 0 ? "" : ", ").append(t.used(r)).append(' ').append(r.label());
    }
    return s.toString();
  }

  /** Writes the Verilog project into the output directory and the activity beside it; returns the SAIF's path. */
  private Path writeProject(Design design, ForecastEnergy.Result result, PrintWriter out) {
    VerilogCommand.write(VerilogProject.of(design, ProjectOptions.defaults().withClockMhz(clockMhz)), output);
    Path saif = output.resolve(VerilogProject.ACTIVITY_FILE);
    try (Writer w = Files.newBufferedWriter(saif)) {
      int nets = SaifWriter.write(result.activity(), VerilogNames.of(design), clockMhz, w);
      out.printf("%,d nets of activity over %,d cycles%n", nets, result.activity().cycles());
    } catch (IOException ex) {
      throw new UserError("cannot write " + saif + ": " + ex.getMessage());
    }
    return saif;
  }

  private static String trim(double mhz) {
    return mhz == Math.rint(mhz) ? String.valueOf((long) mhz) : String.valueOf(mhz);
  }
}
