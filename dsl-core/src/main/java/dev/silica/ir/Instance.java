package dev.silica.ir;

import com.google.common.collect.ImmutableMap;

/**
 * A submodule: an instance named {@code name} of module {@code module}, each input port bound to a
 * signal of this module. Its outputs are read as signals named {@code name.port}.
 */
public record Instance(String name, String module, ImmutableMap<String, String> inputs, SourceLoc loc) {

  /** The signal name by which the parent reads output {@code port}. */
  public String output(String port) {
    return name + "." + port;
  }
}
