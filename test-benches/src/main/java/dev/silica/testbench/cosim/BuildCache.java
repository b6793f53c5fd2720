package dev.silica.testbench.cosim;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Where compiled harnesses live: one directory per distinct set of sources under {@code
 * <java.io.tmpdir>/silica-cosim}, named by a hash of every file, so a design is compiled once and
 * every later run (another test, another JVM) reuses the build. A directory appears only complete:
 * it is built under a temporary name and renamed into place.
 */
final class BuildCache {

  /** Builds into an empty directory; on success the directory is published. */
  interface Build {
    void into(Path directory) throws IOException;
  }

  private BuildCache() {}

  /** The root of the cache; {@code silica.cosim.cache} overrides it. */
  static Path root() {
    String configured = System.getProperty("silica.cosim.cache");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "silica-cosim");
  }

  /** A key naming {@code tool} and the exact text of {@code files}. */
  static String key(String tool, Map<String, String> files) {
    Hasher h = Hashing.sha256().newHasher().putString(tool, StandardCharsets.UTF_8);
    files.forEach((name, text) -> h.putString(name, StandardCharsets.UTF_8).putInt(0).putString(text, StandardCharsets.UTF_8).putInt(0));
    return tool + "-" + h.hash().toString().substring(0, 24);
  }

  /**
   * The published directory for {@code key}, building it first when it does not exist yet.
   *
   * @return whether an existing build was reused, and where it is
   */
  static Entry getOrBuild(String key, Build build) throws IOException {
    return getOrBuild(key, build, true);
  }

  /**
   * As {@link #getOrBuild(String, Build)}; without {@code reuse}, an existing build is deleted and
   * built again (to measure what a build costs).
   */
  static Entry getOrBuild(String key, Build build, boolean reuse) throws IOException {
    Path target = root().resolve(key);
    if (Files.isDirectory(target)) {
      if (reuse) {
        return new Entry(target, true);
      }
      MoreFiles.deleteRecursively(target, RecursiveDeleteOption.ALLOW_INSECURE);
    }
    Files.createDirectories(root());
    Path staging = Files.createTempDirectory(root(), key + ".partial-");
    try {
      build.into(staging);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Another process may have published the same build first; then it is used.
        if (!Files.isDirectory(target)) {
          throw e;
        }
      }
      return new Entry(target, false);
    } finally {
      if (Files.exists(staging)) {
        MoreFiles.deleteRecursively(staging, RecursiveDeleteOption.ALLOW_INSECURE);
      }
    }
  }

  /** A published build directory and whether it was already there. */
  record Entry(Path directory, boolean reused) {}
}
