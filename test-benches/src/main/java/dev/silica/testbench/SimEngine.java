package dev.silica.testbench;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Port;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * One running simulation of a design, whatever simulator runs it: the small command set (poke,
 * peek, step) that an in-process interpreter and an external simulator driven over a pipe can
 * both offer. Values are the numeric values of their types (negative for signed signals).
 *
 * <p>Contract: after {@link #poke}, a {@link #peek} shows the combinational logic settled for the
 * inputs as poked; {@link #step} is one rising clock edge.
 */
public interface SimEngine extends AutoCloseable {

  /** The top-level inputs, {@code rst} first for designs with state. */
  ImmutableList<Port> inputs();

  /** The top-level outputs. */
  ImmutableList<Port> outputs();

  void poke(String input, BigInteger value);

  /** A signal's value; every engine supports top-level ports, some (Silica) every internal signal. */
  BigInteger peek(String signal);

  void step();

  /**
   * Sets input number {@code input} (in {@link #inputs()} order) to the value whose two's
   * complement bits are {@code words}, least significant first; bits above its width are ignored.
   * An engine that can do this without allocating overrides it.
   */
  default void pokeBits(int input, long[] words) {
    Port p = inputs().get(input);
    poke(p.name(), Bits.value(words, p.type()));
  }

  /**
   * Writes the two's complement bits of output number {@code output} (in {@link #outputs()} order)
   * into {@code words}, least significant first, bits above its width zero.
   */
  default void peekBits(int output, long[] words) {
    Port p = outputs().get(output);
    Bits.toWords(peek(p.name()), p.type(), words);
  }

  /**
   * Dumps a Value Change Dump of the simulation to {@code file} from now until {@link #close()}.
   *
   * @throws UnsupportedOperationException when this engine cannot write one (the default)
   * @throws IllegalStateException when the engine can dump only from the start and has been clocked
   */
  default void dumpVcd(Path file) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot write a VCD");
  }

  /** How many clock edges have happened. */
  long cycle();

  /** Ends the simulation and releases what it holds (processes, files). */
  @Override
  void close();
}
