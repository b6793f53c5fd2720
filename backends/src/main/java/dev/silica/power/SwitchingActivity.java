package dev.silica.power;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * The switching activity of a simulation over an interval of {@code cycles} clock cycles: every
 * recorded signal by hierarchical name, and every memory's port accesses. The hierarchy it was
 * recorded from comes along, so that the activity can be written under the Verilog's names, and
 * whether the design has state (and so a clock that toggles twice a cycle).
 */
public record SwitchingActivity(
    InstanceTree hierarchy,
    boolean clocked,
    long cycles,
    ImmutableMap<String, SignalActivity> signals,
    ImmutableMap<String, MemoryActivity> memories) {

  /** The activity of the signal with hierarchical name {@code name}, if it was recorded. */
  public Optional<SignalActivity> signal(String name) {
    return Optional.ofNullable(signals.get(name));
  }

  /** The activity of the memory with hierarchical name {@code name}, if the design has it. */
  public Optional<MemoryActivity> memory(String name) {
    return Optional.ofNullable(memories.get(name));
  }
}
