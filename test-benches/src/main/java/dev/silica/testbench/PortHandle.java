package dev.silica.testbench;

import dev.silica.ir.Port;
import dev.silica.ir.Type;

/**
 * A top-level port of the design under a {@link Tester}, looked up once: where the engine keeps it
 * and room for its bits, so that poking, peeking and waiting on it every cycle allocates nothing.
 * Get one from {@link Tester#port(String)} or {@link Tester#port(dev.silica.dsl.Signal)}; it is
 * valid for that tester only.
 */
public final class PortHandle {

  private final Port port;
  /** The port's position in the engine's inputs or outputs. */
  private final int index;
  /** Scratch for the port's bits, and for a value compared with them. */
  final long[] bits;
  final long[] other;

  PortHandle(Port port, int index) {
    this.port = port;
    this.index = index;
    this.bits = new long[Bits.wordCount(port.type().width())];
    this.other = new long[bits.length];
  }

  public String name() {
    return port.name();
  }

  public Type type() {
    return port.type();
  }

  public boolean isInput() {
    return port.isInput();
  }

  int index() {
    return index;
  }

  @Override
  public String toString() {
    return (isInput() ? "input " : "output ") + name() + " : " + type();
  }
}
