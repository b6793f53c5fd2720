package dev.silica.verilog;

import dev.silica.ir.Design;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A design's complete output directory: the Verilog and memory files, {@code <top>.xdc}, {@code
 * synth.ys} and {@code vivado.tcl}, written whole or not at all ({@link AtomicDirectory}).
 */
public final class VerilogProject {

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
    AtomicDirectory.write(dir, files);
    return files.keySet();
  }
}
