package dev.silica.sim;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The {@link Kernel} that runs Java code generated for one design ({@link KernelSource}), compiled
 * in this process by the JDK's compiler ({@code javax.tools}) and loaded by a class loader of its
 * own. The JIT then compiles the straight-line code to machine code: this is the fast kernel.
 */
final class GeneratedKernel implements Kernel {

  private final Consumer<long[]> settle;
  private final Consumer<long[]> clock;

  private GeneratedKernel(Consumer<long[]> settle, Consumer<long[]> clock) {
    this.settle = settle;
    this.clock = clock;
  }

  /** Whether this JVM has a Java compiler (a JDK, not a bare runtime). */
  static boolean available() {
    return ToolProvider.getSystemJavaCompiler() != null;
  }

  /**
   * Generates, compiles and loads the kernel of {@code c}.
   *
   * @throws IllegalStateException when this JVM has no Java compiler
   */
  static GeneratedKernel of(SimCompiler.Compiled c) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "generated simulation code needs a JDK (this Java runtime has no compiler): use Execution.INTERPRETED");
    }
    KernelSource.Generated generated = KernelSource.generate(c);
    Map<String, byte[]> classes = compile(javac, generated);
    ClassLoader loader = new OwnLoader(classes, GeneratedKernel.class.getClassLoader());
    return new GeneratedKernel(
        instantiate(loader, KernelSource.SETTLE, generated.memories(), generated.settleCalls()),
        instantiate(loader, KernelSource.CLOCK, generated.memories(), generated.clockCalls()));
  }

  @Override
  public void settle(long[] v) {
    settle.accept(v);
  }

  @Override
  public void clock(long[] v) {
    clock.accept(v);
  }

  private static Map<String, byte[]> compile(JavaCompiler javac, KernelSource.Generated generated) {
    StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    InMemoryOutput files = new InMemoryOutput(standard);
    try {
      standard.setLocation(StandardLocation.CLASS_PATH, List.of());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<JavaFileObject> units = generated.sources().entrySet().stream()
        .map(e -> (JavaFileObject) new Source(e.getKey(), e.getValue()))
        .toList();
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, files, null, List.of("-proc:none", "-g:none", "-nowarn"), null, units).call();
    if (!ok) {
      throw new IllegalStateException("the generated simulation code does not compile (a simulator bug):\n" + diagnostics);
    }
    return files.classes;
  }

  @SuppressWarnings("unchecked")
  private static Consumer<long[]> instantiate(
      ClassLoader loader, String simpleName, long[][] memories, List<Consumer<long[]>> calls) {
    try {
      Class<?> type = loader.loadClass(KernelSource.PACKAGE + "." + simpleName);
      return (Consumer<long[]>) type.getConstructor(long[][].class, Consumer[].class)
          .newInstance(memories, calls.toArray(Consumer[]::new));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the generated simulation code", e);
    }
  }

  /** One generated compilation unit held as a string. */
  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String simpleName, String code) {
      super(URI.create("string:///" + simpleName + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  /** Keeps the class files javac writes in memory, by binary name. */
  private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
    final Map<String, byte[]> classes = new HashMap<>();

    InMemoryOutput(StandardJavaFileManager standard) {
      super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() {
              classes.put(className, toByteArray());
            }
          };
        }
      };
    }
  }

  /** Defines the generated classes; everything else comes from the parent. */
  private static final class OwnLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    OwnLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
