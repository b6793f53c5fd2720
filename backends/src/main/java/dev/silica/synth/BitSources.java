package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.util.List;
import java.util.Optional;

/**
 * Where one bit of a signal comes from once wiring is looked through: resizes, casts, constant
 * shifts, slices, concatenations and inverters (an inverter is folded into the LUT that reads it).
 * The source is a bit of logic, a port, a register or a memory read port, or nothing for a constant
 * bit (an extension's zero, a constant's bit), which no LUT needs as an input.
 */
final class BitSources {

  private final NetlistFacts facts;

  BitSources(NetlistFacts facts) {
    this.facts = facts;
  }

  /** Whether {@code n} is wiring: it only moves, extends, inverts or drops bits. */
  static boolean isWiring(Node n) {
    Op op = n.op();
    return op instanceof Op.Resize || op instanceof Op.Cast || op instanceof Op.ShiftBy || op instanceof Op.Slice
        || op instanceof Op.Concat || op instanceof Op.Unary u && u.kind() == Op.UnaryKind.NOT;
  }

  /** The source of bit {@code index} of {@code signal}, empty when the bit is constant. */
  Optional<Bit> of(String signal, int index) {
    String s = signal;
    int i = index;
    for (Node n = facts.node(s); n != null && i >= 0; n = facts.node(s)) {
      Op op = n.op();
      if (op instanceof Op.Const) {
        return Optional.empty();
      } else if (op instanceof Op.Resize r) {
        s = r.a();
        i = extended(s, i);
      } else if (op instanceof Op.ShiftBy sh) {
        s = sh.a();
        i = sh.kind() == Op.ShiftKind.SHL ? i - sh.amount() : extended(s, i + sh.amount());
      } else if (op instanceof Op.Slice sl) {
        s = sl.a();
        i += sl.lo();
      } else if (op instanceof Op.Concat c) {
        List<String> parts = c.parts();
        int p = parts.size() - 1;
        while (i >= facts.type(parts.get(p)).width()) {
          i -= facts.type(parts.get(p--)).width();
        }
        s = parts.get(p);
      } else if (isWiring(n)) {
        s = op.operands().get(0);
      } else {
        break;
      }
    }
    return i < 0 ? Optional.empty() : Optional.of(new Bit(s, i));
  }

  /** Bit {@code i} of {@code signal} extended by its signedness: its top bit, or -1 for a zero. */
  private int extended(String signal, int i) {
    Type t = facts.type(signal);
    return i < t.width() ? i : t.signed() ? t.width() - 1 : -1;
  }
}
