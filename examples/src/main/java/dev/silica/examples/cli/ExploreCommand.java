package dev.silica.examples.cli;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.ParameterError;
import dev.silica.examples.explore.DesignPoint;
import dev.silica.examples.explore.DesignPoint.ModelShape;
import dev.silica.examples.explore.ExploreFronts;
import dev.silica.examples.explore.ExploreSummary;
import dev.silica.examples.explore.Explorer;
import dev.silica.examples.explore.ParetoFront;
import dev.silica.examples.explore.PointResult;
import dev.silica.examples.explore.PointEnergy;
import dev.silica.examples.explore.PointsCsv;
import dev.silica.examples.explore.ScatterPlot;
import dev.silica.examples.explore.ShapeModel;
import dev.silica.ir.Memory;
import dev.silica.synth.YosysSynth;
import dev.silica.transformer.accel.AcceleratorConfig;
import dev.silica.transformer.accel.ModelSource;
import dev.silica.transformer.blocks.MultiplierKind;
import dev.silica.transformer.data.Dataset;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.model.ModelFormatException;
import dev.silica.transformer.model.TrainedModel;
import dev.silica.verilog.AtomicDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica explore}: the forecaster accelerator's design space. Every point of the grid (bits x
 * window x d_model x rows x cols x multiplier x storage) is compiled, elaborated and estimated from
 * the IR, its cycles per inference counted from the program's schedule; the Pareto front of latency
 * against LUTs among the points that fit the XC7S15 (and any {@code --check} further points) is
 * synthesized by Yosys; every point that then fits has its energy per inference measured as {@code
 * silica energy} measures it, from the simulated switching of its model's first {@code
 * --energy-windows} test windows. Writes {@code points.csv}, the fronts as SVG plots and {@code
 * summary.txt} atomically into the output directory and prints the summary; the last line reads
 * {@code explore: points=N valid=V fit=F front=P checked=C energy=E}; the exit code is 1 when a
 * simulated inference disagrees with the integer-only inference.
 */
@Command(
    name = "explore",
    description = "Explore the forecaster's design space: estimate resources and cycles of every grid point, check"
        + " the Pareto front with Yosys, simulate the energy per inference of the points that fit, write a CSV, SVG"
        + " plots and a summary.")
final class ExploreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--bits", split = ",", paramLabel = "B", defaultValue = "4,6,8",
      description = "Model widths (default: ${DEFAULT-VALUE}).")
  List<Integer> bits;

  @Option(names = "--window", split = ",", paramLabel = "N", defaultValue = "12",
      description = "Model windows (default: ${DEFAULT-VALUE}).")
  List<Integer> windows;

  @Option(names = "--d-model", split = ",", paramLabel = "D", defaultValue = "32",
      description = "Model widths d_model (default: ${DEFAULT-VALUE}).")
  List<Integer> dModels;

  @Option(names = "--rows", split = ",", paramLabel = "R", defaultValue = "3,6,12",
      description = "Array rows (default: ${DEFAULT-VALUE}).")
  List<Integer> rows;

  @Option(names = "--cols", split = ",", paramLabel = "C", defaultValue = "2,4,8",
      description = "Array columns (default: ${DEFAULT-VALUE}).")
  List<Integer> cols;

  @Option(names = "--multiplier", split = ",", paramLabel = "KIND", defaultValue = "lut,dsp,packed",
      description = "Multiplier kinds (default: ${DEFAULT-VALUE}).")
  List<String> multipliers;

  @Option(names = "--storage", split = ",", paramLabel = "STYLE", defaultValue = "block,distributed",
      description = "Storage styles (default: ${DEFAULT-VALUE}).")
  List<String> storages;

  @Option(names = "--model", arity = "1..*", paramLabel = "FILE",
      description = "Trained models (files of silica train or bundled names): their shapes use them and report"
          + " their test RMSE; every other shape uses an untrained model (resources and cycles only).")
  List<String> models = new ArrayList<>();

  @Option(names = "--data", paramLabel = "airquality|traffic", defaultValue = "airquality",
      description = "The data set whose input features and ranges the untrained models take (default: ${DEFAULT-VALUE}).")
  String data;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the untrained models' weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--check", paramLabel = "N",
      description = "Fitting points synthesized by Yosys: the Pareto front first, then the next fronts (default: the"
          + " front).")
  Integer check;

  @Option(names = "--yosys-minutes", paramLabel = "M",
      description = "Give up on a point's Yosys run after M minutes, noting it in the CSV (default: ${DEFAULT-VALUE}).")
  long yosysMinutes = YosysSynth.DEFAULT_TIMEOUT.toMinutes();

  @Option(names = "--energy-windows", paramLabel = "N", defaultValue = "1",
      description = "Test windows simulated per fitting point for its energy per inference, as silica energy does;"
          + " 0 simulates none (default: ${DEFAULT-VALUE}).")
  int energyWindows;

  @Option(names = "--threads", paramLabel = "N", description = "Points (and Yosys runs) in parallel (default: the processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--clock-mhz", paramLabel = "MHZ", defaultValue = "100",
      description = "Clock for the latency (default: ${DEFAULT-VALUE}).")
  double clockMhz;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "explore",
      description = "The output directory, replaced whole (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() {
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    Map<ModelShape, ShapeModel> shapeModels = shapeModels(out);
    List<DesignPoint> grid = grid(shapeModels.keySet());
    ImmutableList<PointResult> estimated = Explorer.estimate(grid, shapeModels, threads,
        new ProgressBar(System.err, grid.size(), "points")::update);
    List<PointResult> checked = yosysChecks(ExploreFronts.fitting(estimated), shapeModels, out);
    List<PointResult> synthesized = merge(estimated, checked);
    List<PointResult> measured = energies(ExploreFronts.fitting(synthesized), shapeModels);
    List<PointResult> results = merge(synthesized, measured);

    ExploreFronts fronts = ExploreFronts.of(results);
    List<String> summary = ExploreSummary.lines(results, fronts, clockMhz);
    Set<String> written = write(results, fronts, summary);

    out.println();
    summary.forEach(out::println);
    out.printf(Locale.ROOT, "wrote %s: %s%n", output, String.join(", ", written));
    out.printf(Locale.ROOT, "explore: points=%d valid=%d fit=%d front=%d checked=%d energy=%d%n", results.size(),
        results.stream().filter(PointResult::valid).count(), ExploreFronts.fitting(results).size(),
        fronts.latencyLut().size(), checked.size(), measured.size());
    out.flush();
    return measured.stream().allMatch(p -> p.energy().map(PointEnergy::bitExact).orElse(true)) ? 0 : 1;
  }

  private void checkOptions() {
    OptionChecks.positive("--threads", threads);
    OptionChecks.positive("--yosys-minutes", yosysMinutes);
    OptionChecks.notNegative("--energy-windows", energyWindows);
    if (!(clockMhz > 0)) {
      throw new ParameterError("--clock-mhz must be positive, got " + clockMhz);
    }
    if (check != null) {
      OptionChecks.notNegative("--check", check);
    }
    bits.forEach(b -> inRange("--bits", b, 2, 16));
    windows.forEach(w -> inRange("--window", w, 1, 1024));
    dModels.forEach(d -> inRange("--d-model", d, 2, 1024));
    rows.forEach(r -> inRange("--rows", r, 1, AcceleratorConfig.MAX_SIDE));
    cols.forEach(c -> inRange("--cols", c, 1, AcceleratorConfig.MAX_SIDE));
    multipliers.forEach(ExploreCommand::multiplier);
    storages.forEach(ExploreCommand::storage);
    dataset();
  }

  private static void inRange(String option, int value, int low, int high) {
    if (value < low || value > high) {
      throw new ParameterError(option + " values must be in " + low + ".." + high + ", got " + value);
    }
  }

  private static MultiplierKind multiplier(String name) {
    for (MultiplierKind kind : MultiplierKind.values()) {
      if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
        return kind;
      }
    }
    throw new ParameterError("--multiplier: unknown kind '" + name + "'; valid kinds: lut, dsp, packed");
  }

  private static Memory.Style storage(String name) {
    return switch (name) {
      case "block" -> Memory.Style.BLOCK;
      case "distributed" -> Memory.Style.DISTRIBUTED;
      default -> throw new ParameterError("--storage: unknown style '" + name + "'; valid styles: block, distributed");
    };
  }

  private Dataset dataset() {
    try {
      return Dataset.fromCliName(data);
    } catch (IllegalArgumentException e) {
      throw new ParameterError("--data: " + e.getMessage());
    }
  }

  /**
   * The model of every shape: the given trained models, then an untrained one for each grid shape
   * (bits x window x d_model) without one. Prints which is which.
   */
  private Map<ModelShape, ShapeModel> shapeModels(PrintWriter out) {
    Map<ModelShape, ShapeModel> byShape = new LinkedHashMap<>();
    for (String name : models) {
      ShapeModel given = ShapeModel.trained(name, trained(name));
      ShapeModel earlier = byShape.put(given.shape(), given);
      if (earlier != null) {
        throw new ParameterError("--model: " + earlier.source() + " and " + name + " have the same shape "
            + given.shape() + " (window, d_model, bits)");
      }
    }
    Map<Integer, ForecastData> dataByWindow = new HashMap<>();
    for (int b : bits) {
      for (int w : windows) {
        for (int d : dModels) {
          ModelShape shape = new ModelShape(b, w, d);
          if (!byShape.containsKey(shape)) {
            ForecastData forWindow = dataByWindow.computeIfAbsent(w, dataset()::load);
            byShape.put(shape, ShapeModel.untrained(shape, forWindow, seed));
          }
        }
      }
    }
    out.println("models (window, d_model, bits):");
    byShape.values().forEach(m -> out.printf(Locale.ROOT, "  %-12s %s%n", m.shape(), m.rmse().isPresent()
        ? String.format(Locale.ROOT, "%s, integer-only test RMSE %.4f", m.source(), m.rmse().getAsDouble())
        : m.source() + ": for resources and cycles only, no RMSE"));
    out.flush();
    return byShape;
  }

  private static TrainedModel trained(String name) {
    TrainedModel model;
    try {
      model = ModelSource.load(name);
    } catch (IllegalArgumentException | ModelFormatException e) {
      throw new UserError("--model '" + name + "': " + e.getMessage());
    }
    if (!model.isQuantized()) {
      throw new UserError("--model '" + name + "' is a float model: the accelerator needs a quantized one"
          + " (silica train --bits 4|6|8)");
    }
    return model;
  }

  /** Every shape crossed with every accelerator axis, shapes in order. */
  private List<DesignPoint> grid(Set<ModelShape> shapes) {
    List<DesignPoint> points = new ArrayList<>();
    for (ModelShape s : shapes) {
      for (int r : new LinkedHashSet<>(rows)) {
        for (int c : new LinkedHashSet<>(cols)) {
          for (String m : new LinkedHashSet<>(multipliers)) {
            for (String st : new LinkedHashSet<>(storages)) {
              points.add(new DesignPoint(s.bits(), s.window(), s.dModel(), r, c, multiplier(m), storage(st)));
            }
          }
        }
      }
    }
    return points;
  }

  /**
   * Yosys's tables for the first {@code --check} of the {@code fitting} points by Pareto rank
   * (latency against LUTs), each rank by LUTs; none, with a note, without Yosys.
   */
  private List<PointResult> yosysChecks(List<PointResult> fitting, Map<ModelShape, ShapeModel> models,
      PrintWriter out) {
    ImmutableList<ImmutableList<PointResult>> layers = ParetoFront.layers(fitting, r -> r.lut(), r -> r.cycles());
    List<PointResult> ranked = layers.stream().flatMap(List::stream).toList();
    int count = Math.min(ranked.size(), check != null ? check : layers.isEmpty() ? 0 : layers.get(0).size());
    if (count == 0) {
      return List.of();
    }
    Optional<YosysSynth> yosys = YosysSynth.find();
    if (yosys.isEmpty()) {
      out.println("Note: yosys is not installed, so no point is checked beside the estimate.");
      return List.of();
    }
    return Explorer.synthesize(ranked.subList(0, count), models,
        yosys.get().withTimeout(Duration.ofMinutes(yosysMinutes)), threads,
        new ProgressBar(System.err, count, "Yosys runs")::update);
  }

  /**
   * The {@code fitting} points with their energy per inference over {@code --energy-windows} test
   * windows; none when that is 0.
   */
  private List<PointResult> energies(List<PointResult> fitting, Map<ModelShape, ShapeModel> models) {
    if (energyWindows == 0 || fitting.isEmpty()) {
      return List.of();
    }
    return Explorer.energy(fitting, models, energyWindows, clockMhz, threads,
        new ProgressBar(System.err, fitting.size(), "energy simulations")::update);
  }

  /** {@code results} with the {@code updated} points' results in their places. */
  private static List<PointResult> merge(List<PointResult> results, List<PointResult> updated) {
    Map<DesignPoint, PointResult> byPoint = updated.stream()
        .collect(Collectors.toMap(PointResult::point, r -> r));
    return results.stream().map(r -> byPoint.getOrDefault(r.point(), r)).toList();
  }

  /** Writes the output directory; returns the names of its files. */
  private Set<String> write(List<PointResult> results, ExploreFronts fronts, List<String> summary) {
    List<PointResult> valid = results.stream().filter(PointResult::valid).toList();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("points.csv", PointsCsv.render(results, fronts, clockMhz));
    if (!valid.isEmpty()) {
      files.put("latency-lut.svg", ScatterPlot.svg("Forecaster design space: latency against LUTs (estimate)",
          "LUT (Silica estimate)", String.format(Locale.ROOT, "latency (us at %.0f MHz)", clockMhz),
          "does not fit the XC7S15", valid.stream().map(r -> new ScatterPlot.Point(r.lut(), r.latencyUs(clockMhz),
              r.point().bits() + " bits", !r.fits(), fronts.latencyLut().contains(r), tooltip(r))).toList()));
    }
    List<PointResult> withRmse = valid.stream().filter(r -> r.rmse().isPresent()).toList();
    if (!withRmse.isEmpty()) {
      files.put("rmse-latency.svg", ScatterPlot.svg("Forecaster design space: test RMSE against latency",
          String.format(Locale.ROOT, "latency (us at %.0f MHz)", clockMhz), "integer-only test RMSE",
          "does not fit the XC7S15", withRmse.stream().map(r -> new ScatterPlot.Point(r.latencyUs(clockMhz),
              r.rmse().getAsDouble(), r.point().bits() + " bits", !r.fits(), fronts.rmseLatency().contains(r),
              tooltip(r))).toList()));
    }
    List<PointResult> withEnergyAndRmse = withRmse.stream().filter(r -> r.energy().isPresent()).toList();
    if (!withEnergyAndRmse.isEmpty()) {
      files.put("energy-rmse.svg", ScatterPlot.svg("Forecaster design space: energy per inference against test RMSE",
          "energy per inference (mJ, simulated activity)", "integer-only test RMSE", "does not fit the XC7S15",
          withEnergyAndRmse.stream().map(r -> new ScatterPlot.Point(r.millijoules(), r.rmse().getAsDouble(),
              r.point().bits() + " bits", !r.fits(), fronts.energyRmse().contains(r), tooltip(r))).toList()));
    }
    files.put("summary.txt", String.join("\n", summary) + "\n");
    try {
      AtomicDirectory.write(output, files);
    } catch (IOException e) {
      throw new UserError("cannot write " + output + ": " + e.getMessage());
    }
    return files.keySet();
  }

  private String tooltip(PointResult r) {
    return String.format(Locale.ROOT, "%s: %,d LUT, %,d cycles (%.1f us)%s%s", r.point().label(), r.lut(), r.cycles(),
        r.latencyUs(clockMhz), r.energy().map(e -> ", " + e.millijoulesText() + " mJ").orElse(""),
        r.rmse().isPresent() ? String.format(Locale.ROOT, ", RMSE %.4f", r.rmse().getAsDouble()) : "");
  }
}
