package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's own classes for {@code silica --classpath DIR|JAR[:...]}: a class loader over them,
 * installed as the thread's context class loader while one command runs, so that {@link
 * dev.silica.dsl.GeneratorRegistry} finds the generators they register in {@code
 * META-INF/services/dev.silica.dsl.Generator}.
 */
final class UserClasspath {

  private UserClasspath() {}

  /**
   * Runs {@code command} with the entries of {@code classpath} (separated by {@link
   * File#pathSeparator}) visible to the thread's context class loader; a null or empty path runs
   * it as it is.
   *
   * @throws ParameterError naming an entry that does not exist
   */
  static <T> T runWith(String classpath, java.util.function.Supplier<T> command) {
    if (classpath == null || classpath.isEmpty()) {
      return command.get();
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls(classpath), UserClasspath.class.getClassLoader())) {
      thread.setContextClassLoader(loader);
      return command.get();
    } catch (java.io.IOException e) {
      throw new UserError("cannot close the class path " + classpath + ": " + e.getMessage());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static URL[] urls(String classpath) {
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.isDirectory(path) && !(Files.isRegularFile(path) && entry.endsWith(".jar"))) {
        throw new ParameterError("--classpath: '" + entry + "' is neither a directory nor a .jar file");
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new ParameterError("--classpath: '" + entry + "' is not a usable path: " + e.getMessage());
      }
    }
    return urls.toArray(URL[]::new);
  }
}
