package dev.silica.examples.cli;

import dev.silica.ir.Design;
import dev.silica.ir.text.SirPrinter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica ir}: the text form of an elaborated generator, or of a {@code .sir} file parsed and
 * printed back canonically.
 */
@Command(
    name = "ir",
    description = "Print a design's IR text form: elaborated from a generator, or parsed from a .sir file.")
final class IrCommand implements Runnable {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME|FILE.sir", description = "A registered generator or a .sir file.")
  String target;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A generator parameter (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--parse", paramLabel = "FILE", description = "Parse a .sir file and print it back canonically.")
  String parse;

  @Override
  public void run() {
    if ((parse == null) == (target == null)) {
      throw new ParameterException(spec.commandLine(), "give either NAME|FILE.sir or --parse FILE");
    }
    Design design = parse != null ? SirFiles.read(parse) : DesignOptions.load(target, params);
    spec.commandLine().getOut().print(SirPrinter.print(design));
    spec.commandLine().getOut().flush();
  }
}
