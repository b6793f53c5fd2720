package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of {@code list} and {@code ir}, used by the rest of the project. */
class IrCommandsTest {

  @TempDir Path dir;

  @Test
  void listShowsEveryGeneratorWithItsDefaultsOnOneLine() {
    CliRun run = CliRun.of("list");
    assertEquals(0, run.exitCode());
    var lines = run.out().lines().toList();
    var generators = GeneratorRegistry.load().all();
    assertEquals(generators.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Generator g = generators.get(i);
      assertTrue(lines.get(i).startsWith(g.name() + " "), lines.get(i));
      assertTrue(lines.get(i).endsWith(g.description()), lines.get(i));
      g.params().forEach(p -> assertTrue(run.out().contains(p.name() + "=" + p.defaultValue())));
    }
  }

  @Test
  void irPrintsTheTextFormThatParsesBackToTheSameText() throws IOException {
    CliRun elaborated = CliRun.of("ir", "fir", "-p", "taps=3", "-p", "bits=6");
    assertEquals(0, elaborated.exitCode(), elaborated.err());
    Path file = dir.resolve("fir.sir");
    Files.writeString(file, elaborated.out());

    CliRun reparsed = CliRun.of("ir", "--parse", file.toString());
    assertEquals(0, reparsed.exitCode(), reparsed.err());
    assertEquals(elaborated.out(), reparsed.out());
    assertEquals(elaborated.out(), CliRun.of("ir", file.toString()).out());
  }

  @Test
  void aSyntaxErrorIsReportedWithFileLineAndColumn() throws IOException {
    Path file = dir.resolve("broken.sir");
    Files.writeString(file, "design Top\n\nmodule Top {\n  in a : \n}\n");
    CliRun run = CliRun.of("ir", "--parse", file.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("silica: " + file + ":5:1: "), run.err());
    assertEquals("", run.out());
  }

  @Test
  void anUnknownGeneratorNamesTheValidOnesAndExitsWithTwo() {
    CliRun run = CliRun.of("ir", "cuonter");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("silica: unknown generator 'cuonter'; valid generators: "), run.err());
    assertTrue(run.err().contains("counter"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void anUnknownParameterOrBadValueIsAOneLineErrorWithExitCodeTwo() {
    CliRun unknown = CliRun.of("ir", "counter", "-p", "wdth=3");
    assertEquals(2, unknown.exitCode());
    assertEquals("silica: unknown parameter 'wdth' for generator 'counter'; valid parameters: width\n", unknown.err());

    CliRun bad = CliRun.of("ir", "counter", "-p", "width=eight");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().startsWith("silica: parameter 'width' = 'eight' is invalid"), bad.err());
  }

  @Test
  void aMissingFileIsAOneLineError() {
    CliRun run = CliRun.of("ir", "--parse", dir.resolve("absent.sir").toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("silica: cannot read "), run.err());
  }
}
