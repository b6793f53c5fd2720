package dev.silica.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The backends read only the IR: no production source of this module may import the DSL, so a
 * design loaded from its text form emits and simulates without Java elaboration. (Tests may use
 * the DSL's generators as a source of designs.)
 */
class BackendsDependOnlyOnTheIrTest {

  @Test
  void noBackendsSourceImportsTheDsl() throws IOException {
    Path sources = Path.of("src/main/java");
    assertTrue(Files.isDirectory(sources), "run from the backends module directory");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(sources)) {
      offenders =
          files.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> read(p).lines().anyMatch(l -> l.matches("\\s*import\\s+(static\\s+)?dev\\.silica\\.dsl\\b.*")))
              .map(Path::toString)
              .sorted()
              .toList();
    }
    assertEquals(List.of(), offenders, "these backends sources import dev.silica.dsl");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
