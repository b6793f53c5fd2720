package dev.silica.ir;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.math.IntMath;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An array of {@code depth} words of {@code type}, clocked by the module's {@code clk}.
 *
 * <p>Addresses are unsigned and exactly {@link #addressWidth()} bits wide. Reading an address at
 * or beyond {@code depth} gives 0; writing one does nothing. {@code init} is empty (all words
 * start at 0) or holds exactly {@code depth} words; reset does not change the contents.
 *
 * <p>Read ports are asynchronous (the word at the address, combinationally) or synchronous
 * (read-first: on a clock edge with the port's enable high, or no enable, the port's output
 * register takes the word stored before that edge's writes). Write ports store {@code data} at
 * {@code addr} on a clock edge when {@code enable} is high; when two write ports hit the same
 * address on one edge, the later port in the list wins.
 */
public record Memory(
    String name,
    int depth,
    Type type,
    ImmutableList<BigInteger> init,
    Style style,
    ImmutableList<ReadPort> readPorts,
    ImmutableList<WritePort> writePorts,
    SourceLoc loc) {

  public Memory {
    Preconditions.checkArgument(depth >= 1, "memory %s has depth %s", name, depth);
    Preconditions.checkArgument(
        init.isEmpty() || init.size() == depth,
        "memory %s has %s initial words for depth %s",
        name,
        init.size(),
        depth);
  }

  /** The width of every address: ceil(log2(depth)), at least 1. */
  public int addressWidth() {
    return addressWidth(depth);
  }

  /** The address width of a memory of {@code depth} words: ceil(log2(depth)), at least 1. */
  public static int addressWidth(int depth) {
    return Math.max(1, IntMath.log2(depth, RoundingMode.CEILING));
  }

  /** A copy with other read and write ports (used by passes that rename or drop them). */
  public Memory withPorts(ImmutableList<ReadPort> newReadPorts, ImmutableList<WritePort> newWritePorts) {
    return new Memory(name, depth, type, init, style, newReadPorts, newWritePorts, loc);
  }

  /** Whether nothing ever writes this memory. */
  public boolean isRom() {
    return writePorts.isEmpty();
  }

  /** The mapping the Verilog backend asks the synthesis tool for. */
  public enum Style {
    AUTO,
    BLOCK,
    DISTRIBUTED;

    public String mnemonic() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A read port whose output is the signal {@code name}; {@code enable} (or null) matters only
   * for synchronous ports.
   */
  public record ReadPort(String name, String addr, boolean sync, String enable, SourceLoc loc) {}

  /** A synchronous write port. */
  public record WritePort(String addr, String data, String enable, SourceLoc loc) {}
}
