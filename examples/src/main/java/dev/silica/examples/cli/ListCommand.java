package dev.silica.examples.cli;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.Param;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code silica list}: every registered generator, one a line, with its parameters and defaults. */
@Command(name = "list", description = "List the registered generators with their parameters and defaults.")
final class ListCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    var out = spec.commandLine().getOut();
    for (Generator g : GeneratorRegistry.load().all()) {
      String params =
          g.params().stream().map(ListCommand::describe).collect(Collectors.joining(" "));
      out.printf("%-14s %s  %s%n", g.name(), params.isEmpty() ? "(no parameters)" : params, g.description());
    }
    out.flush();
  }

  private static String describe(Param p) {
    return p.name() + "=" + p.defaultValue();
  }
}
