package dev.silica.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.io.Resources;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.pass.Passes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written example {@code sir/counter.sir}: a complete, checked design without any Java. */
class SirExampleFileTest {

  private static Design counter() throws IOException {
    String text = Resources.toString(Resources.getResource("sir/counter.sir"), StandardCharsets.UTF_8);
    return SirParser.parse(text, "counter.sir");
  }

  @Test
  void theExamplePassesEveryDesignCheck() throws IOException {
    Design design = counter();
    assertSame(design, Passes.checks().run(design));
  }

  @Test
  void elementsWithoutALocationAreLocatedAtTheirLineOfTheTextFile() throws IOException {
    ModuleDef counter = counter().topModule();
    assertEquals(new SourceLoc("counter.sir", 7), counter.loc());
    assertEquals(new SourceLoc("counter.sir", 8), counter.ports().get(0).loc());
    assertEquals(new SourceLoc("counter.sir", 12), counter.nodes().get(1).loc());
    assertEquals(new SourceLoc("counter.sir", 15), counter.registers().get(0).loc());
    assertEquals(new SourceLoc("counter.sir", 17), counter.connects().get(0).loc());
  }

  @Test
  void aFileIsNamedAsGivenInItsErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.sir");
    Files.writeString(file, "design M\nmodule M {\n  x : u8 = frob\n}\n");
    SirSyntaxError e = assertThrows(SirSyntaxError.class, () -> SirParser.parse(file));
    assertEquals(file + ":3:12: 'frob', expected an operation", e.getMessage());
  }

  @Test
  void theExampleRoundTrips() throws IOException {
    Design design = counter();
    assertEquals(design, SirParser.parse(SirPrinter.print(design), "counter.sir"));
  }
}
