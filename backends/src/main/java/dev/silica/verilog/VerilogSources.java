package dev.silica.verilog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The Verilog of a design: one {@code .v} file per module (children before parents, the top last)
 * and the memory initialization files they read with {@code $readmemh}, each by file name.
 *
 * @param top the Verilog name of the top module
 * @param verilogFiles the {@code .v} file names in compilation order
 * @param files every file's text by name: the Verilog files, then the memory files
 */
public record VerilogSources(String top, ImmutableList<String> verilogFiles, ImmutableMap<String, String> files) {

  /** The Verilog of module {@code verilogName}. */
  public String module(String verilogName) {
    String text = files.get(verilogName + ".v");
    if (text == null) {
      throw new IllegalArgumentException("no module " + verilogName + " among " + verilogFiles);
    }
    return text;
  }

  /** The memory initialization files by name. */
  public ImmutableMap<String, String> memoryFiles() {
    return ImmutableMap.copyOf(
        files.entrySet().stream().filter(e -> !verilogFiles.contains(e.getKey())).toList());
  }
}
