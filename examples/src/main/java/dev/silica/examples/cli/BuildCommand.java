package dev.silica.examples.cli;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import dev.silica.ir.pass.Passes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica build}: the main job. Elaborates a generator (the flagship when none is named),
 * checks and optimizes the IR, writes the Verilog project and prints the resource table.
 */
@Command(
    name = "build",
    description = "Elaborate, check and optimize a design, write its Verilog project and print its resources.")
final class BuildCommand implements Runnable {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "A registered generator (default: the flagship design).")
  String name;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A generator parameter (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Mixin ProjectFlags project;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The output directory.")
  Path output;

  @Override
  public void run() {
    var out = spec.commandLine().getOut();
    GeneratorRegistry registry = GeneratorRegistry.load();
    Generator generator = name == null ? Flagship.choose(registry) : registry.get(name);
    Design elaborated = generator.generate(params);
    Design optimized = Passes.standard().run(elaborated);
    Set<String> files = VerilogCommand.write(optimized, output, project.options());
    out.printf("built %s: %d files in %s%n%n", generator.name(), files.size(), output);
    out.print(ResourceTables.report(optimized));
    out.flush();
  }
}
