package dev.silica.testbench.cosim;

import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The value encoding of the harness protocol: the two's complement bits of a value in hexadecimal,
 * as Verilog's {@code %h} and the generated C++ print them. The type decides how bits are read.
 */
public final class HexValues {

  private HexValues() {}

  /** The bits of {@code value} (which must fit {@code type}) in lower-case hex. */
  public static String encode(BigInteger value, Type type) {
    return value.and(mask(type)).toString(16);
  }

  /**
   * The value of {@code type} whose bits {@code hex} gives (bits above the width are ignored); empty
   * when the simulator printed an unknown ({@code x} or {@code z}) bit.
   */
  public static Optional<BigInteger> decode(String hex, Type type) {
    if (!hex.chars().allMatch(c -> Character.digit(c, 16) >= 0) || hex.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(type.wrap(new BigInteger(hex, 16)));
  }

  private static BigInteger mask(Type type) {
    return BigInteger.ONE.shiftLeft(type.width()).subtract(BigInteger.ONE);
  }
}
