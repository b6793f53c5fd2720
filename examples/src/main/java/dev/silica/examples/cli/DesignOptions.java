package dev.silica.examples.cli;

import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.ParameterError;
import dev.silica.ir.Design;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The design a command works on: a registered generator's name with {@code -p key=value}
 * parameters, or a {@code .sir} text-form file.
 */
final class DesignOptions {

  @Parameters(index = "0", paramLabel = "NAME|FILE.sir", description = "A registered generator or a .sir file.")
  String target;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "KEY=VALUE",
      description = "A generator parameter (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  /** Elaborates the generator or parses the file. */
  Design load() {
    return load(target, params);
  }

  /** Elaborates generator {@code target} with {@code params}, or parses {@code target} as a .sir file. */
  static Design load(String target, Map<String, String> params) {
    if (target.endsWith(".sir")) {
      if (!params.isEmpty()) {
        throw new ParameterError("-p parameters apply to generators, not to the file " + target);
      }
      return SirFiles.read(target);
    }
    return GeneratorRegistry.load().get(target).generate(params);
  }
}
