package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Register;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many low bits of each signal are zero whatever the inputs (a lower bound): a constant's
 * trailing zeros, zeros shifted in, products and multiplexers of such values, and registers whose
 * reset value and every loaded value have them. Synthesis needs no logic for those bits: below the
 * known zeros of an addend nothing carries, and a flip-flop that only ever holds zero is removed.
 */
final class KnownZeroBits {

  private final NetlistFacts facts;
  private final Map<String, Integer> registers = new HashMap<>();
  private final Map<String, Integer> memo = new HashMap<>();

  private KnownZeroBits(NetlistFacts facts) {
    this.facts = facts;
    findRegisterBits(facts.module().registers());
  }

  /** The known-zero low bits of every signal of {@code facts}' module. */
  static KnownZeroBits of(NetlistFacts facts) {
    return new KnownZeroBits(facts);
  }

  /** How many low bits of {@code name} are zero whatever the inputs. */
  int lowBits(String name) {
    Integer register = registers.get(name);
    if (register != null) {
      return register;
    }
    Integer known = memo.get(name);
    if (known != null) {
      return known;
    }
    int zeros = lowBitsOfNode(name);
    memo.put(name, zeros);
    return zeros;
  }

  /**
   * Starts every register from its reset value's zero low bits and lowers the counts to a fixed
   * point over the values it loads, as Yosys's {@code opt_dff} removes flip-flops whose input is
   * their constant reset value.
   */
  private void findRegisterBits(List<Register> all) {
    for (Register r : all) {
      int w = r.type().width();
      registers.put(r.name(), r.init().signum() == 0 ? w : Math.min(w, r.init().getLowestSetBit()));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      memo.clear();
      for (Register r : all) {
        int loads = Math.min(registers.get(r.name()), lowBits(r.next()));
        if (loads < registers.get(r.name())) {
          registers.put(r.name(), loads);
          changed = true;
        }
      }
    }
    memo.clear();
  }

  private int lowBitsOfNode(String name) {
    Node n = facts.node(name);
    if (n == null) {
      return 0;
    }
    int width = n.type().width();
    if (n.op() instanceof Op.Const c) {
      return c.value().signum() == 0 ? width : Math.min(c.value().getLowestSetBit(), width);
    }
    if (n.op() instanceof Op.ShiftBy sh && sh.kind() == Op.ShiftKind.SHL) {
      return Math.min(width, sh.amount() + lowBits(sh.a()));
    }
    if (n.op() instanceof Op.Resize || n.op() instanceof Op.Cast) {
      return Math.min(width, lowBits(n.op().operands().get(0)));
    }
    if (n.op() instanceof Op.Mux m) {
      return Math.min(lowBits(m.whenTrue()), lowBits(m.whenFalse()));
    }
    if (n.op() instanceof Op.Binary b && b.kind() == Op.BinaryKind.MUL) {
      return Math.min(width, lowBits(b.a()) + lowBits(b.b()));
    }
    return 0;
  }
}
