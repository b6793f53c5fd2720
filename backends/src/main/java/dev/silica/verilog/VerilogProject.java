package dev.silica.verilog;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.silica.ir.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A design's complete output directory: the Verilog and memory files, {@code <top>.xdc}, {@code
 * synth.ys} and {@code vivado.tcl}. The directory is written whole or not at all: everything goes
 * into a temporary sibling first, which replaces {@code dir} only once it is complete.
 */
public final class VerilogProject {

  /**
   * The switching-activity file (SAIF) that {@code vivado.tcl} reads, when present beside it, before
   * its power report.
   */
  public static final String ACTIVITY_FILE = "activity.saif";

  private VerilogProject() {}

  /** Every file of the project for {@code design}, by name, without touching the disk. */
  public static Map<String, String> files(Design design, ProjectOptions options) {
    VerilogSources sources = VerilogEmitter.emit(design);
    Map<String, String> files = new LinkedHashMap<>(sources.files());
    files.put(FlowScripts.xdcFileName(sources), FlowScripts.xdc(design, sources, options));
    files.put(FlowScripts.YOSYS_SCRIPT, FlowScripts.yosys(sources));
    files.put(FlowScripts.VIVADO_SCRIPT, FlowScripts.vivado(sources, options));
    return files;
  }

  /**
   * Writes the project for {@code design} into {@code dir}, replacing what was there only on
   * success.
   *
   * @return the names of the files written
   * @throws dev.silica.ir.DesignError when the design is broken (nothing is written)
   */
  public static java.util.Set<String> write(Design design, Path dir, ProjectOptions options) throws IOException {
    Map<String, String> files = files(design, options);
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
    return files.keySet();
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
