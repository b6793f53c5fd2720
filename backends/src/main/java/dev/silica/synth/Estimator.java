package dev.silica.synth;

import com.google.common.collect.ImmutableMap;
import com.google.common.math.IntMath;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import dev.silica.ir.pass.Flatten;
import dev.silica.ir.pass.PassManager;
import dev.silica.ir.pass.Passes;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates a design's {@link ResourceTable} from its IR alone, in milliseconds, with the mapping
 * rules Yosys's {@code synth_xilinx} follows for the 7 series. The design is flattened, folded and
 * cleaned first (as synthesis does), then every remaining element is costed:
 *
 * <ul>
 *   <li>registers: one FF per bit (enable and reset go to the FDRE's CE and R pins), except the
 *       copied sign bits or zeros of a register loaded from an extending resize;
 *   <li>add, sub, neg and ordered comparisons: a carry chain, one LUT per bit (none for the bits
 *       of a constant operand) and one CARRY4 per four bits;
 *   <li>multipliers: DSP48E1 slices when both operands have at least 2 bits and the product at
 *       least 9 (Yosys's {@code mul2dsp} thresholds), one per 25x18 signed tile; below that, a LUT
 *       array of A*B+A+B+2 LUTs and (A+B)/4 CARRY4;
 *   <li>trees of 2:1 multiplexers: per bit, one LUT6 per five inputs (data leaves and selects);
 *   <li>bitwise and reduction logic: one LUT6 per five inputs beyond the first; equality one LUT
 *       per three bit pairs plus the reduction; dynamic shifts a 4:1 mux per bit per two stages;
 *   <li>memories: block RAM (RAMB18, or RAMB36 when it takes fewer sites) for synchronous reads
 *       of {@code BLOCK} memories and of {@code AUTO} memories above {@value #AUTO_BRAM_MIN_BITS}
 *       bits; otherwise distributed RAM (RAM64M/RAM32M: four LUTs per three or six bits per 64 or
 *       32 words) or a LUT ROM, plus one FF per bit of each synchronous read port.
 * </ul>
 *
 * <p>Wiring (slices, concatenation, resizes, casts, constant shifts, inverters) costs nothing.
 */
public final class Estimator {

  /** How an estimated table is labelled. */
  public static final String SOURCE = "Silica estimate";

  /** Yosys's mul2dsp: no DSP for an operand narrower than this... */
  static final int DSP_MIN_OPERAND_BITS = 2;

  /** ...or a product narrower than this. */
  static final int DSP_MIN_PRODUCT_BITS = 9;

  /** AUTO memories with at least this many bits and only synchronous reads go to block RAM. */
  static final int AUTO_BRAM_MIN_BITS = 4096;

  private static final int LUT_INPUTS = 6;
  private static final PassManager PREPARE =
      new PassManager(
          com.google.common.collect.ImmutableList.<dev.silica.ir.pass.Pass>builder()
              .addAll(Passes.checks().passes())
              .add(new Flatten())
              .addAll(Passes.optimize().passes())
              .build());

  private final Map<Resource, Integer> used = new EnumMap<>(Resource.class);
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Integer> readers = new HashMap<>();
  private final Signals signals;
  private final int levels;

  private Estimator(Design flat) {
    ModuleDef top = flat.topModule();
    this.signals = Signals.of(flat, top);
    for (Resource r : Resource.values()) {
      used.put(r, 0);
    }
    top.nodes().forEach(n -> nodes.put(n.name(), n));
    top.nodes().forEach(n -> n.op().operands().forEach(o -> readers.merge(o, 1, Integer::sum)));
    for (Register r : top.registers()) {
      add(Resource.FF, distinctBits(r.next(), r.type().width()));
    }
    for (Node n : top.nodes()) {
      costNode(n);
    }
    top.memories().forEach(this::costMemory);
    used.put(Resource.LUT, used.get(Resource.LUT_AS_LOGIC) + used.get(Resource.LUT_AS_MEMORY));
    this.levels = LogicLevels.of(top, signals);
  }

  /**
   * The bits of a register fed by {@code next} that need their own flip-flop: the copies of a sign
   * bit (or zeros) that an extending resize adds share one (synthesis merges or removes them).
   */
  private int distinctBits(String next, int width) {
    Node n = nodes.get(next);
    if (n != null && n.op() instanceof Op.Resize r && r.width() > type(r.a()).width()) {
      return type(r.a()).width();
    }
    return width;
  }

  /** The estimated table of {@code design}. */
  public static ResourceTable estimate(Design design) {
    Estimator e = new Estimator(PREPARE.run(design));
    return new ResourceTable(SOURCE, Device.XC7S15, ImmutableMap.copyOf(e.used), Optional.of(new LogicDepth(e.levels)));
  }

  private void add(Resource r, int n) {
    used.merge(r, n, Integer::sum);
  }

  private Type type(String name) {
    return signals.asMap().get(name).type();
  }

  private boolean isConstant(String name) {
    Node n = nodes.get(name);
    return n != null && n.op() instanceof Op.Const;
  }

  private void costNode(Node n) {
    n.op().accept(
        new Op.Visitor<Void>() {
          @Override
          public Void visitConst(Op.Const op) {
            return null;
          }

          @Override
          public Void visitUnary(Op.Unary op) {
            int w = type(op.a()).width();
            switch (op.kind()) {
              case NOT -> {}
              case NEG -> carryChain(w + 1, true);
              case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> add(Resource.LUT_AS_LOGIC, lutTree(w));
            }
            return null;
          }

          @Override
          public Void visitBinary(Op.Binary op) {
            int w = Math.max(type(op.a()).width(), type(op.b()).width());
            boolean bothVariable = !isConstant(op.a()) && !isConstant(op.b());
            switch (op.kind()) {
              case ADD, SUB -> carryChain(w, bothVariable);
              case LT, LE, GT, GE -> carryChain(w, bothVariable);
              case EQ, NE -> add(Resource.LUT_AS_LOGIC, IntMath.divide(w, bothVariable ? 3 : 6, RoundingMode.CEILING) + lutTree(IntMath.divide(w, 3, RoundingMode.CEILING)));
              case MUL -> multiplier(type(op.a()).width(), type(op.b()).width(), n.type());
              case AND, OR, XOR -> add(Resource.LUT_AS_LOGIC, bothVariable && readers.getOrDefault(n.name(), 0) != 1 ? w : 0);
              case SHL, SHR, SRA -> add(Resource.LUT_AS_LOGIC, w * IntMath.divide(IntMath.log2(w, RoundingMode.CEILING), 2, RoundingMode.CEILING));
            }
            return null;
          }

          @Override
          public Void visitShiftBy(Op.ShiftBy op) {
            return null;
          }

          @Override
          public Void visitMux(Op.Mux op) {
            if (!isInnerMux(n)) {
              Set<String> inputs = new HashSet<>();
              collectMuxInputs(n, inputs);
              add(Resource.LUT_AS_LOGIC, n.type().width() * Math.max(1, IntMath.divide(inputs.size() - 1, LUT_INPUTS - 1, RoundingMode.CEILING)));
            }
            return null;
          }

          @Override
          public Void visitConcat(Op.Concat op) {
            return null;
          }

          @Override
          public Void visitSlice(Op.Slice op) {
            return null;
          }

          @Override
          public Void visitResize(Op.Resize op) {
            return null;
          }

          @Override
          public Void visitCast(Op.Cast op) {
            return null;
          }
        });
  }

  private void carryChain(int width, boolean bothVariable) {
    add(Resource.CARRY4, IntMath.divide(width, 4, RoundingMode.CEILING));
    // With a constant operand the carry chain's inputs are the variable bits themselves; only the
    // lowest bit needs an inverter.
    add(Resource.LUT_AS_LOGIC, bothVariable ? width : 1);
  }

  private void multiplier(int a, int b, Type product) {
    if (Math.min(a, b) >= DSP_MIN_OPERAND_BITS && product.width() >= DSP_MIN_PRODUCT_BITS) {
      // DSP48E1 multiplies 25x18 signed; unsigned operands need a zero sign bit.
      int extra = product.signed() ? 0 : 1;
      int wide = Math.max(a, b) + extra;
      int narrow = Math.min(a, b) + extra;
      int tiles = IntMath.divide(Math.max(wide - 1, 1), 24, RoundingMode.CEILING) * IntMath.divide(Math.max(narrow - 1, 1), 17, RoundingMode.CEILING);
      add(Resource.DSP48E1, tiles);
    } else {
      // A LUT array: a partial-product bit per LUT, plus A+B+2 for the carry-chain adders summing them.
      add(Resource.LUT_AS_LOGIC, a * b + a + b + 2);
      add(Resource.CARRY4, IntMath.divide(a + b, 4, RoundingMode.CEILING));
    }
  }

  /** A mux read only by one other mux is part of that mux's tree, costed at the tree's root. */
  private boolean isInnerMux(Node n) {
    if (readers.getOrDefault(n.name(), 0) != 1) {
      return false;
    }
    return nodes.values().stream().anyMatch(r -> r.op() instanceof Op.Mux m && (m.whenTrue().equals(n.name()) || m.whenFalse().equals(n.name())));
  }

  private void collectMuxInputs(Node mux, Set<String> inputs) {
    Op.Mux m = (Op.Mux) mux.op();
    inputs.add(m.sel());
    for (String arm : List.of(m.whenTrue(), m.whenFalse())) {
      Node armNode = nodes.get(arm);
      if (armNode != null && armNode.op() instanceof Op.Mux && isInnerMux(armNode)) {
        collectMuxInputs(armNode, inputs);
      } else if (!isConstant(arm)) {
        inputs.add(arm);
      }
    }
  }

  /** LUT6s in a tree reducing {@code inputs} signals to one. */
  private static int lutTree(int inputs) {
    return inputs <= 1 ? 0 : IntMath.divide(inputs - 1, LUT_INPUTS - 1, RoundingMode.CEILING);
  }

  private void costMemory(Memory m) {
    int w = m.type().width();
    long bits = (long) m.depth() * w;
    boolean allSync = m.readPorts().stream().allMatch(Memory.ReadPort::sync);
    boolean blockRam =
        allSync && (m.style() == Memory.Style.BLOCK || m.style() == Memory.Style.AUTO && bits >= AUTO_BRAM_MIN_BITS);
    if (blockRam) {
      BlockRamFit fit = BlockRamFit.of(m.depth(), w, m.readPorts().size() + m.writePorts().size() > 2);
      add(Resource.RAMB18, fit.ramb18());
      add(Resource.RAMB36, fit.ramb36());
      return;
    }
    m.readPorts().stream().filter(Memory.ReadPort::sync).forEach(rp -> add(Resource.FF, w));
    if (m.isRom()) {
      add(Resource.LUT_AS_LOGIC, m.readPorts().size() * w * IntMath.divide(m.depth(), 64, RoundingMode.CEILING));
      return;
    }
    int wordsPerLut = m.depth() <= 32 ? 32 : 64;
    int bitsPerPrimitive = m.depth() <= 32 ? 6 : 3;
    int readGroups = IntMath.divide(m.readPorts().size(), 3, RoundingMode.CEILING);
    add(
        Resource.LUT_AS_MEMORY,
        4 * readGroups * IntMath.divide(w, bitsPerPrimitive, RoundingMode.CEILING) * IntMath.divide(m.depth(), wordsPerLut, RoundingMode.CEILING));
  }
}
