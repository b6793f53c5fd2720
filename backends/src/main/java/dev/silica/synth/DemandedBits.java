package dev.silica.synth;

import dev.silica.ir.Connect;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which bits of each signal of a flat module anything observable depends on, as one contiguous
 * range per signal. Synthesis removes the rest (Yosys's {@code opt_clean}, {@code wreduce} and
 * {@code opt_expr}), so the estimator costs only demanded bits: the high bits of a sum nobody
 * reads, a product's low bits below a rounding constant's trailing zeros, a register's unread
 * bits.
 *
 * <p>Outputs, memory ports, register enables, multiplexer selects and the operands of comparisons
 * and dynamic shifts demand every bit. A sum's or product's bit depends on all lower operand bits
 * (carries), except below the trailing zeros of a constant addend, where the other operand's bits
 * pass straight through. Registers pass their demand on to their next value; demand grows to a fixed
 * point through the loops they close.
 */
final class DemandedBits {

  /** Bits {@code lo..hi} (inclusive) of a signal. */
  record Range(int lo, int hi) {
    int width() {
      return hi - lo + 1;
    }

    Range union(Range o) {
      return new Range(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }
  }

  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Register> registers = new HashMap<>();
  private final Map<String, Range> demand = new HashMap<>();
  private final Deque<String> work = new ArrayDeque<>();
  private final Signals signals;

  private DemandedBits(ModuleDef flat, Signals signals) {
    this.signals = signals;
    flat.nodes().forEach(n -> nodes.put(n.name(), n));
    flat.registers().forEach(r -> registers.put(r.name(), r));
    for (Connect c : flat.connects()) {
      demandAll(c.source());
    }
    for (Register r : flat.registers()) {
      if (r.enable() != null) {
        demandAll(r.enable());
      }
    }
    for (Memory m : flat.memories()) {
      for (Memory.ReadPort rp : m.readPorts()) {
        demandAll(rp.addr());
        if (rp.enable() != null) {
          demandAll(rp.enable());
        }
      }
      for (Memory.WritePort wp : m.writePorts()) {
        demandAll(wp.addr());
        demandAll(wp.data());
        demandAll(wp.enable());
      }
    }
    while (!work.isEmpty()) {
      propagate(work.pop());
    }
  }

  /** The demanded bits of every signal of {@code flat} (a module without instances). */
  static DemandedBits of(ModuleDef flat, Signals signals) {
    return new DemandedBits(flat, signals);
  }

  /** The demanded bits of {@code name}, empty when nothing depends on it. */
  Optional<Range> of(String name) {
    return Optional.ofNullable(demand.get(name));
  }

  /** How many bits of {@code name} are demanded (0 when none). */
  int width(String name) {
    return of(name).map(Range::width).orElse(0);
  }

  private int widthOf(String name) {
    return signals.asMap().get(name).type().width();
  }

  private void demandAll(String name) {
    demand(name, 0, widthOf(name) - 1);
  }

  /** Demands bits lo..hi of {@code name}, clipped to its width (a sign bit stands for its copies). */
  private void demand(String name, int lo, int hi) {
    Type t = signals.asMap().get(name).type();
    int top = t.width() - 1;
    if (hi < 0 || (lo > top && !t.signed())) {
      return;
    }
    Range wanted = new Range(Math.min(Math.max(lo, 0), top), Math.min(hi, top));
    Range old = demand.get(name);
    Range merged = old == null ? wanted : old.union(wanted);
    if (!merged.equals(old)) {
      demand.put(name, merged);
      work.push(name);
    }
  }

  private void propagate(String name) {
    Range r = demand.get(name);
    Register reg = registers.get(name);
    if (reg != null) {
      demand(reg.next(), r.lo(), r.hi());
      return;
    }
    Node n = nodes.get(name);
    if (n == null) {
      return; // an input port or a memory read port
    }
    n.op().accept(new Transfer(r));
  }

  private BigInteger constant(String name) {
    Node n = nodes.get(name);
    return n != null && n.op() instanceof Op.Const c ? c.value() : null;
  }

  /** Moves a node's demand to its operands. */
  private final class Transfer implements Op.Visitor<Void> {
    private final Range r;

    Transfer(Range r) {
      this.r = r;
    }

    @Override
    public Void visitConst(Op.Const op) {
      return null;
    }

    @Override
    public Void visitUnary(Op.Unary op) {
      switch (op.kind()) {
        case NOT -> demand(op.a(), r.lo(), r.hi());
        case NEG -> demand(op.a(), 0, r.hi());
        case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> demandAll(op.a());
      }
      return null;
    }

    @Override
    public Void visitBinary(Op.Binary op) {
      switch (op.kind()) {
        case AND, OR, XOR -> {
          demand(op.a(), r.lo(), r.hi());
          demand(op.b(), r.lo(), r.hi());
        }
        case ADD, SUB -> {
          demand(op.a(), lowestFeeding(op.b()), r.hi());
          demand(op.b(), op.kind() == Op.BinaryKind.ADD ? lowestFeeding(op.a()) : 0, r.hi());
        }
        case MUL -> {
          demand(op.a(), 0, r.hi());
          demand(op.b(), 0, r.hi());
        }
        case EQ, NE, LT, LE, GT, GE, SHL, SHR, SRA -> {
          demandAll(op.a());
          demandAll(op.b());
        }
      }
      return null;
    }

    /**
     * The lowest bit of the other addend that a demanded sum bit depends on: below the trailing
     * zeros of a constant {@code addend} no carry arises, so only demanded bits pass through.
     */
    private int lowestFeeding(String addend) {
      BigInteger c = constant(addend);
      if (c == null || c.signum() == 0) {
        return c == null ? 0 : r.lo();
      }
      return Math.min(r.lo(), c.getLowestSetBit());
    }

    @Override
    public Void visitShiftBy(Op.ShiftBy op) {
      int k = op.kind() == Op.ShiftKind.SHL ? -op.amount() : op.amount();
      demand(op.a(), r.lo() + k, r.hi() + k);
      return null;
    }

    @Override
    public Void visitMux(Op.Mux op) {
      demandAll(op.sel());
      demand(op.whenTrue(), r.lo(), r.hi());
      demand(op.whenFalse(), r.lo(), r.hi());
      return null;
    }

    @Override
    public Void visitConcat(Op.Concat op) {
      int lsb = 0;
      List<String> parts = op.parts();
      for (int i = parts.size() - 1; i >= 0; i--) {
        int w = widthOf(parts.get(i));
        if (r.hi() >= lsb && r.lo() < lsb + w) {
          demand(parts.get(i), r.lo() - lsb, r.hi() - lsb);
        }
        lsb += w;
      }
      return null;
    }

    @Override
    public Void visitSlice(Op.Slice op) {
      demand(op.a(), r.lo() + op.lo(), r.hi() + op.lo());
      return null;
    }

    @Override
    public Void visitResize(Op.Resize op) {
      demand(op.a(), r.lo(), r.hi());
      return null;
    }

    @Override
    public Void visitCast(Op.Cast op) {
      demand(op.a(), r.lo(), r.hi());
      return null;
    }
  }
}
