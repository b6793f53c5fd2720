package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Generator;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silica --classpath}: a user's own generator, compiled apart from Silica, listed, elaborated and emitted. */
class ClasspathOptionTest {

  @TempDir static Path user;

  private static final String GENERATOR = """
      package com.example;

      import static dev.silica.dsl.Hw.*;
      import com.google.common.collect.ImmutableList;
      import dev.silica.dsl.*;
      import dev.silica.dsl.Module;
      import dev.silica.ir.Design;

      public final class InverterGenerator implements Generator {
        static final class Inverter extends Module {
          Inverter(int bits) {
            UInt a = input("a", UInt.of(bits));
            UInt y = output("y", UInt.of(bits));
            y.connect(a.not());
          }
        }

        public String name() { return "inverter"; }
        public String description() { return "Inverts every bit of its input."; }
        public ImmutableList<Param> params() { return ImmutableList.of(new Param("bits", "4", "input width")); }
        public Design elaborate(Params p) {
          int bits = p.getInt("bits", 1, 64);
          return Elaborator.elaborate(() -> new Inverter(bits), p.designAttributes());
        }
      }
      """;

  @BeforeAll
  static void compileTheUsersGenerator() throws Exception {
    Path source = user.resolve("src/com/example/InverterGenerator.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, GENERATOR);
    Path classes = user.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(classes.resolve("META-INF/services/" + Generator.class.getName()), "com.example.InverterGenerator\n");
    String against = String.join(File.pathSeparator, location(Generator.class), location(dev.silica.ir.Design.class),
        location(ImmutableList.class));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-cp", against, "-d", classes.toString(), source.toString());
    assertEquals(0, status, "the user's generator compiles against Silica");
  }

  private static String location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static String classes() {
    return user.resolve("classes").toString();
  }

  @Test
  void listShowsTheUsersGeneratorBesideTheBundledOnes() {
    CliRun run = CliRun.of("--classpath", classes(), "list");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("inverter") && l.contains("bits=4")
        && l.endsWith("Inverts every bit of its input.")), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("counter")), run.out());
  }

  @Test
  void theUsersGeneratorElaboratesAndEmitsVerilog() throws IOException {
    CliRun ir = CliRun.of("-cp", classes(), "ir", "inverter", "-p", "bits=6");
    assertEquals(0, ir.exitCode(), ir.err());
    assertTrue(ir.out().contains("Inverter"), ir.out());
    Path out = user.resolve("verilog");
    CliRun verilog = CliRun.of("-cp", classes(), "verilog", "inverter", "-o", out.toString());
    assertEquals(0, verilog.exitCode(), verilog.err());
    String v = Files.readString(out.resolve("Inverter.v"));
    assertTrue(v.matches("(?s).*input\\s+wire\\s+\\[3:0\\]\\s+a\\b.*") && v.contains("~a"), v);
  }

  @Test
  void withoutTheClasspathTheGeneratorIsUnknownAndABadEntryIsAUsageError() {
    CliRun without = CliRun.of("ir", "inverter");
    assertEquals(2, without.exitCode());
    assertTrue(without.err().startsWith("silica: unknown generator 'inverter'"), without.err());
    CliRun missing = CliRun.of("--classpath", user.resolve("nowhere").toString(), "list");
    assertEquals(2, missing.exitCode());
    assertEquals("silica: --classpath: '" + user.resolve("nowhere") + "' is neither a directory nor a .jar file\n",
        missing.err());
  }

  @Test
  void aRegisteredClassThatIsMissingIsAOneLineError() throws IOException {
    Path broken = user.resolve("broken");
    Files.createDirectories(broken.resolve("META-INF/services"));
    Files.writeString(broken.resolve("META-INF/services/" + Generator.class.getName()), "com.example.Missing\n");
    CliRun run = CliRun.of("--classpath", broken + File.pathSeparator + classes(), "list");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("silica: cannot load a generator registered in META-INF/services/"
        + "dev.silica.dsl.Generator: ") && run.err().contains("com.example.Missing"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void theClassLoaderIsGoneAfterTheCommand() {
    assertEquals(0, CliRun.of("--classpath", classes(), "list").exitCode());
    assertEquals(List.of(), CliRun.of("list").out().lines().filter(l -> l.startsWith("inverter")).toList());
  }
}
