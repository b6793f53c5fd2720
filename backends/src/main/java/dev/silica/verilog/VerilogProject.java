package dev.silica.verilog;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.pass.Passes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A design's complete output directory: the Verilog and memory files, {@code <top>.xdc}, {@code
 * synth.ys} and {@code vivado.tcl}, made from the design after the standard pass pipeline
 * ({@link Passes#standard()}: the checks, then the optimizations, unless {@link
 * ProjectOptions#optimize()} is off). This is the one place that decides what Verilog a design
 * becomes: {@code silica verilog} and {@code silica build} write through it, and so does a program
 * calling {@link #write}, with identical results.
 *
 * <p>The directory is written whole or not at all ({@link AtomicDirectory}).
 */
public final class VerilogProject {

  /**
   * The switching-activity file (SAIF) that {@code vivado.tcl} reads, when present beside it, before
   * its power report.
   */
  public static final String ACTIVITY_FILE = "activity.saif";

  private final Design design;
  private final ImmutableMap<String, String> files;

  private VerilogProject(Design design, ImmutableMap<String, String> files) {
    this.design = design;
    this.files = files;
  }

  /**
   * The project for {@code design}: the design checked and (by default) optimized, and every file
   * emitted from it, without touching the disk.
   *
   * @throws dev.silica.ir.DesignError when the design is broken
   */
  public static VerilogProject of(Design design, ProjectOptions options) {
    Design prepared = (options.optimize() ? Passes.standard() : Passes.checks()).run(design);
    VerilogSources sources = VerilogEmitter.emit(prepared);
    Map<String, String> files = new LinkedHashMap<>(sources.files());
    files.put(FlowScripts.xdcFileName(sources), FlowScripts.xdc(prepared, sources, options));
    files.put(FlowScripts.YOSYS_SCRIPT, FlowScripts.yosys(sources));
    files.put(FlowScripts.VIVADO_SCRIPT, FlowScripts.vivado(sources, options));
    return new VerilogProject(prepared, ImmutableMap.copyOf(files));
  }

  /** Every file of the project for {@code design}, by name, without touching the disk. */
  public static Map<String, String> files(Design design, ProjectOptions options) {
    return of(design, options).files();
  }

  /**
   * Writes the project for {@code design} into {@code dir}, replacing what was there only on
   * success.
   *
   * @return the names of the files written
   * @throws dev.silica.ir.DesignError when the design is broken (nothing is written)
   */
  public static Set<String> write(Design design, Path dir, ProjectOptions options) throws IOException {
    return of(design, options).writeTo(dir);
  }

  /** The design as emitted: checked and, unless turned off, optimized. */
  public Design design() {
    return design;
  }

  /** Every file, by name. */
  public ImmutableMap<String, String> files() {
    return files;
  }

  /**
   * Writes the files into {@code dir}, replacing what was there only on success.
   *
   * @return the names of the files written
   */
  public Set<String> writeTo(Path dir) throws IOException {
    AtomicDirectory.write(dir, files);
    return files.keySet();
  }
}
