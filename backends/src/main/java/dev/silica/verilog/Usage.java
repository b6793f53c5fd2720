package dev.silica.verilog;

import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which bits of which signals of one module the emitted Verilog reads, starting from what leaves
 * the module (outputs and instance inputs) and following operands back to the inputs. Nodes,
 * registers and memories nobody reads are not emitted at all (they cannot change an output); a
 * signal read only in part ({@code add[7:0]}) is emitted whole, and its declaration is marked so
 * Verilator's unused-bits lint knows it is intended.
 *
 * <p>Bits are counted the way the emitter writes each operation: a slice reads only its bits, a
 * truncating resize only the low bits, a constant right shift only the bits it keeps; every other
 * operation reads all bits of its operands.
 */
final class Usage {

  /** The implicit clock and reset, whose use is tracked like any input's. */
  static final String CLOCK = "clk";

  static final String RESET = "rst";

  private final Map<String, BitSet> used = new HashMap<>();
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Register> registers = new HashMap<>();
  private final Map<String, Memory> memoryOfReadPort = new HashMap<>();
  private final Map<String, Boolean> liveMemories = new HashMap<>();
  private final Signals signals;
  private final Deque<String> work = new ArrayDeque<>();

  private Usage(Design design, ModuleDef module) {
    this.signals = Signals.of(design, module);
    module.nodes().forEach(n -> nodes.put(n.name(), n));
    module.registers().forEach(r -> registers.put(r.name(), r));
    module.memories().forEach(m -> m.readPorts().forEach(rp -> memoryOfReadPort.put(rp.name(), m)));
    module.connects().forEach(c -> readAll(c.source()));
    for (Instance i : module.instances()) {
      i.inputs().values().forEach(this::readAll);
      if (design.hasState(design.module(i.module()))) {
        readAll(CLOCK);
        readAll(RESET);
      }
    }
    propagate();
  }

  /** What {@code module} of {@code design} reads. */
  static Usage of(Design design, ModuleDef module) {
    return new Usage(design, module);
  }

  /** Whether any bit of {@code name} is read. */
  boolean isLive(String name) {
    BitSet bits = used.get(name);
    return bits != null && !bits.isEmpty();
  }

  /** Whether some but not all of the {@code width} bits of {@code name} are read, or none. */
  boolean isPartlyUnused(String name, int width) {
    BitSet bits = used.get(name);
    return bits == null || bits.cardinality() < width;
  }

  /** The bits of {@code name} that are read, highest first, as {@code [7:0]} ranges ("none" when unread). */
  String describeUsedBits(String name) {
    BitSet bits = used.getOrDefault(name, new BitSet());
    List<String> ranges = new ArrayList<>();
    for (int hi = bits.length() - 1; hi >= 0; ) {
      int lo = bits.previousClearBit(hi) + 1;
      ranges.add(hi == lo ? "[" + hi + "]" : "[" + hi + ":" + lo + "]");
      hi = bits.previousSetBit(lo - 1);
    }
    return ranges.isEmpty() ? "none" : String.join(", ", ranges);
  }

  /** Whether memory {@code m} has a live read port (otherwise it is not emitted). */
  boolean isLive(Memory m) {
    return liveMemories.getOrDefault(m.name(), false);
  }

  private void readAll(String name) {
    int width = CLOCK.equals(name) || RESET.equals(name) ? 1 : signals.asMap().get(name).type().width();
    read(name, 0, width - 1);
  }

  private void read(String name, int lo, int hi) {
    BitSet bits = used.computeIfAbsent(name, k -> new BitSet());
    boolean wasLive = !bits.isEmpty();
    bits.set(lo, hi + 1);
    if (!wasLive) {
      work.add(name);
    }
  }

  /** Marks the operands of every element that became live, until nothing new is read. */
  private void propagate() {
    while (!work.isEmpty()) {
      String name = work.poll();
      Node node = nodes.get(name);
      Register register = registers.get(name);
      Memory memory = memoryOfReadPort.get(name);
      if (node != null) {
        readOperands(node);
      } else if (register != null) {
        readAll(CLOCK);
        readAll(RESET);
        readAll(register.next());
        if (register.enable() != null) {
          readAll(register.enable());
        }
      } else if (memory != null) {
        readMemoryPort(memory, name);
      }
    }
  }

  private void readMemoryPort(Memory memory, String portName) {
    memory.readPorts().stream()
        .filter(rp -> rp.name().equals(portName))
        .forEach(
            rp -> {
              readAll(rp.addr());
              if (rp.sync()) {
                readAll(CLOCK);
                if (rp.enable() != null) {
                  readAll(rp.enable());
                }
              }
            });
    if (liveMemories.put(memory.name(), true) == null) {
      for (Memory.WritePort w : memory.writePorts()) {
        readAll(CLOCK);
        readAll(w.addr());
        readAll(w.data());
        readAll(w.enable());
      }
    }
  }

  private void readOperands(Node node) {
    node.op().accept(
        new Op.Visitor<Void>() {
          @Override
          public Void visitConst(Op.Const op) {
            return null;
          }

          @Override
          public Void visitUnary(Op.Unary op) {
            readAll(op.a());
            return null;
          }

          @Override
          public Void visitBinary(Op.Binary op) {
            readAll(op.a());
            readAll(op.b());
            return null;
          }

          @Override
          public Void visitShiftBy(Op.ShiftBy op) {
            Type a = typeOf(op.a());
            if (op.kind() == Op.ShiftKind.SHL) {
              readAll(op.a());
            } else if (op.amount() < a.width()) {
              read(op.a(), op.amount(), a.width() - 1);
            } else if (a.signed()) {
              read(op.a(), a.width() - 1, a.width() - 1);
            }
            return null;
          }

          @Override
          public Void visitMux(Op.Mux op) {
            op.operands().forEach(Usage.this::readAll);
            return null;
          }

          @Override
          public Void visitConcat(Op.Concat op) {
            op.parts().forEach(Usage.this::readAll);
            return null;
          }

          @Override
          public Void visitSlice(Op.Slice op) {
            read(op.a(), op.lo(), op.hi());
            return null;
          }

          @Override
          public Void visitResize(Op.Resize op) {
            read(op.a(), 0, Math.min(op.width(), typeOf(op.a()).width()) - 1);
            if (op.width() > typeOf(op.a()).width()) {
              readAll(op.a());
            }
            return null;
          }

          @Override
          public Void visitCast(Op.Cast op) {
            readAll(op.a());
            return null;
          }
        });
  }

  private Type typeOf(String name) {
    return signals.asMap().get(name).type();
  }
}
