package dev.silica.examples.cli;

import dev.silica.dsl.Generator;
import dev.silica.dsl.Params;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import dev.silica.verilog.VerilogProject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica build}: the main job. Elaborates a generator (the {@code forecaster} for the
 * bundled default model when none is named), checks and optimizes the IR, writes the Verilog
 * project and prints its resources; for the forecaster it then simulates the model's test windows
 * against the integer inference and prints cycles and latency beside the published accelerators
 * ({@link ForecastCommand}), exiting with 1 when a window disagrees.
 */
@Command(
    name = "build",
    description = "Elaborate, check and optimize a design (default: the forecaster), write its Verilog project and"
        + " print its resources; for the forecaster also simulate its test set.")
final class BuildCommand implements Callable<Integer> {

  /** The generator built when none is named. */
  static final String DEFAULT_GENERATOR = "forecaster";

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME",
      description = "A registered generator (default: " + DEFAULT_GENERATOR + ").")
  String name = DEFAULT_GENERATOR;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A generator parameter (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Mixin ProjectFlags project;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The output directory (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("build");

  @Option(names = "--windows", paramLabel = "N",
      description = "Forecaster only: simulate the first N test windows (default: all).")
  Integer windows;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    Generator generator = GeneratorRegistry.load().get(name);
    Params parsed = Params.of(generator, params);
    VerilogProject built = VerilogProject.of(generator.elaborate(parsed), project.options());
    Design optimized = built.design();
    Set<String> files = VerilogCommand.write(built, output);
    out.printf("built %s: %d files in %s%n%n", generator.name(), files.size(), output);
    if (!generator.name().equals(DEFAULT_GENERATOR)) {
      out.print(ResourceTables.report(optimized));
      out.flush();
      return 0;
    }
    boolean exact = ForecastCommand.report(parsed, optimized, windows, Runtime.getRuntime().availableProcessors(),
        project.options().clockMhz(), out);
    return exact ? 0 : 1;
  }
}
