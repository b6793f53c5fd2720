package dev.silica.testbench.cosim;

import dev.silica.ir.Type;
import java.math.BigInteger;

/**
 * The line protocol every generated harness speaks on stdin/stdout, so that one Java driver runs
 * Verilator and Icarus alike, interactively or from a script:
 *
 * <ul>
 *   <li>{@code i N HEX} sets wrapper input {@code iN} to the bits {@code HEX};
 *   <li>{@code o} settles the logic and prints one line: every wrapper output in order, in hex,
 *       separated by spaces;
 *   <li>{@code s} is one rising clock edge (and the falling edge after it);
 *   <li>{@code q}, or the end of input, ends the simulation.
 * </ul>
 *
 * <p>A harness started with the argument {@code +vcd=FILE} (Verilator's only when built for
 * tracing) writes a Value Change Dump of the whole simulation to {@code FILE}.
 */
public final class HarnessProtocol {

  private HarnessProtocol() {}

  static String poke(HarnessPort input, BigInteger value) {
    return "i " + input.wrapperName().substring(1) + " " + HexValues.encode(value, input.type()) + "\n";
  }

  /** The start of the argument that asks a harness for a VCD: {@code +vcd=FILE}. */
  static final String VCD_ARGUMENT = "+vcd=";

  static final String OUTPUTS = "o\n";
  static final String STEP = "s\n";
  static final String QUIT = "q\n";

  /** Checks that {@code value} fits {@code type} before it is sent. */
  static void checkFits(String name, Type type, BigInteger value) {
    if (!type.fits(value)) {
      throw new IllegalArgumentException(
          value + " does not fit " + name + " of " + type + " (range " + type.min() + ".." + type.max() + ")");
    }
  }
}
