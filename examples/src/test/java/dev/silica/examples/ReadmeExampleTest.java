package dev.silica.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Module;
import dev.silica.ir.Design;
import dev.silica.ir.Type;
import dev.silica.ir.pass.Passes;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The design shown in the README compiles as written and elaborates to a legal design. */
class ReadmeExampleTest {

  @TempDir Path dir;

  @Test
  void theReadmeDesignCompilesAndElaborates() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "the README shows a Java design");
    Path source = dir.resolve("Mac.java");
    Files.writeString(source, block.group(1));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString()),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(source))
            .call();
    assertTrue(compiled, diagnostics.toString());

    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      var constructor = loader.loadClass("Mac").getConstructor(int.class, int.class, int.class);
      Design design = Elaborator.elaborate(() -> newModule(constructor, 8, 8, 24));
      Passes.checks().run(design);
      assertEquals(Type.s(24), design.topModule().port("acc").orElseThrow().type());
    }
  }

  private static Module newModule(java.lang.reflect.Constructor<?> constructor, Object... args) {
    try {
      return (Module) constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
