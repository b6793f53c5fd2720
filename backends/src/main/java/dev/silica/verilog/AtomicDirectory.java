package dev.silica.verilog;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a directory of text files whole or not at all: everything goes into a temporary sibling
 * first, which replaces the directory only once it is complete (an old directory is set aside until
 * then and restored if the replacement fails).
 */
public final class AtomicDirectory {

  private AtomicDirectory() {}

  /** Makes {@code dir} hold exactly {@code files} (by name, with their contents). */
  public static void write(Path dir, Map<String, String> files) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(staging.resolve(f.getKey()), f.getValue());
      }
      replace(target, staging);
    } finally {
      if (Files.exists(staging)) {
        MoreFiles.deleteRecursively(staging, RecursiveDeleteOption.ALLOW_INSECURE);
      }
    }
  }

  /** Moves the finished {@code staging} to {@code target}, setting an old {@code target} aside until then. */
  private static void replace(Path target, Path staging) throws IOException {
    if (!Files.exists(target)) {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
    Files.delete(old);
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    MoreFiles.deleteRecursively(old, RecursiveDeleteOption.ALLOW_INSECURE);
  }
}
