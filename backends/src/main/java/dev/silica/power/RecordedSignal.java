package dev.silica.power;

import dev.silica.ir.Type;

/**
 * A signal whose switching is recorded: {@code local}, declared in module {@code module} of the
 * instance at {@code path}; {@link #name()} is its hierarchical name in the simulator.
 */
public record RecordedSignal(String path, String module, String local, Type type) {

  /** The simulator's name for it: the dotted path, then the local name. */
  public String name() {
    return path.isEmpty() ? local : path + "." + local;
  }
}
