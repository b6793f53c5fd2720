package dev.silica.verilog;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How one module's signals appear inside Verilog expressions: by identifier, or (for constants,
 * which are written in place rather than declared) as a sized literal of exactly the bits asked
 * for. Every helper here yields an expression whose width and signedness are stated, never left
 * to Verilog's context rules.
 */
final class Operands {

  /** The widest shift amount Verilator takes whatever its value. */
  private static final int MAX_SHIFT_AMOUNT_BITS = 32;

  private final Signals signals;
  private final Map<String, Node> nodes;
  private final UnaryOperator<String> identifier;

  Operands(Signals signals, Map<String, Node> nodes, UnaryOperator<String> identifier) {
    this.signals = signals;
    this.nodes = nodes;
    this.identifier = identifier;
  }

  Type type(String name) {
    return signals.asMap().get(name).type();
  }

  /** The signal as it is: its identifier, or its literal (parenthesized when negative). */
  String ref(String name) {
    BigInteger constant = constant(name);
    return constant != null ? Literals.operand(constant, type(name)) : identifier.apply(name);
  }

  /**
   * The signal brought to {@code width} (at least its own) bits by its own signedness: zeros in
   * front of an unsigned value, copies of the sign bit in front of a signed one (wrapped in {@code
   * $signed} because a concatenation is unsigned).
   */
  String extended(String name, int width) {
    Type t = type(name);
    int extra = width - t.width();
    if (extra == 0) {
      return ref(name);
    }
    BigInteger constant = constant(name);
    if (constant != null) {
      return Literals.operand(constant, t.withWidth(width));
    }
    String id = identifier.apply(name);
    if (!t.signed()) {
      return "{" + extra + "'d0, " + id + "}";
    }
    String sign = bit(name, t.width() - 1);
    String copies = extra == 1 ? sign : "{" + extra + "{" + sign + "}}";
    return "$signed({" + copies + ", " + id + "})";
  }

  /**
   * The signal as the amount of a shift of a {@code width}-bit value, in at most 32 bits: Verilator
   * rejects amounts wider than that once it knows their value ("Value too wide for 32-bits",
   * "Shifting of by over 32-bit number isn't supported"), which it also does for a wire computed
   * from constants. A constant amount is written as {@code min(amount, width)} in the fewest bits; a
   * wider variable one saturates, {@code (|n[39:3] ? 3'd5 : n[2:0])}. Both shift the same: by
   * {@code width} or more, every bit goes out.
   */
  String shiftAmount(String name, int width) {
    Type t = type(name);
    Type saturated = Type.u(32 - Integer.numberOfLeadingZeros(width));
    BigInteger constant = constant(name);
    if (constant != null) {
      return Literals.of(constant.min(BigInteger.valueOf(width)), saturated);
    }
    if (t.width() <= MAX_SHIFT_AMOUNT_BITS) {
      return identifier.apply(name);
    }
    int low = saturated.width();
    return "(|" + bits(name, t.width() - 1, low) + " ? " + Literals.of(BigInteger.valueOf(width), saturated)
        + " : " + bits(name, low - 1, 0) + ")";
  }

  /** Bit {@code index} of the signal, as an unsigned one-bit expression. */
  String bit(String name, int index) {
    return bits(name, index, index);
  }

  /** Bits {@code hi} down to {@code lo} of the signal, as an unsigned expression. */
  String bits(String name, int hi, int lo) {
    Type t = type(name);
    BigInteger constant = constant(name);
    if (constant != null) {
      return Literals.of(Type.u(hi - lo + 1).wrap(constant.shiftRight(lo)), Type.u(hi - lo + 1));
    }
    String id = identifier.apply(name);
    if (hi == t.width() - 1 && lo == 0) {
      return t.signed() && t.width() > 1 ? "$unsigned(" + id + ")" : id;
    }
    return hi == lo ? id + "[" + hi + "]" : id + "[" + hi + ":" + lo + "]";
  }

  /** Whether the signal is a constant, written in place instead of declared. */
  boolean isConstant(String name) {
    return constant(name) != null;
  }

  private BigInteger constant(String name) {
    Node n = nodes.get(name);
    return n != null && n.op() instanceof Op.Const c ? c.value() : null;
  }
}
