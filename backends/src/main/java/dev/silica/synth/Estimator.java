package dev.silica.synth;

import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ListMultimap;
import com.google.common.collect.Maps;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates a design's {@link ResourceTable} from its IR alone, in milliseconds, with the mapping
 * rules Yosys's {@code synth_xilinx} follows for the 7 series. The design is flattened, folded and
 * cleaned first (as synthesis does); only the bits something observable depends on are costed
 * ({@link DemandedBits}), and low bits known to be zero (shifted-in zeros, registers that only ever
 * load them) are wires. Then every remaining element is costed:
 *
 * <ul>
 *   <li>registers: one FF per demanded bit (enable and reset go to the FDRE's CE and R pins),
 *       except the copied sign bits or zeros of a register loaded from an extending resize, and
 *       none for the registers a DSP48E1 absorbs: the input registers of its multiplier (AREG,
 *       BREG) and the product or post-adder register (PREG);
 *   <li>add, sub and neg: a carry chain over the demanded bits above the pass-through low bits,
 *       one CARRY4 per four bits and one LUT per bit whose propagate signal is logic: both operand
 *       bits vary (operands seen through extending resizes; where the narrower one is zero-extended
 *       the other's bit is a wire, where it is sign-extended each bit up to the wider operand's top
 *       needs a LUT, and above both the top bit's LUT serves all). A single LUT when an operand is
 *       constant; none for an add of a one-slice product, done in the DSP48E1's post-adder;
 *   <li>ordered comparisons: a carry chain between two variables, shared with a subtraction of the
 *       same operands (Yosys's {@code alumacc}); against a constant, a LUT tree over the top bits
 *       that decide it ({@link ConstantComparison}: a signed {@code x < 0} is the sign bit);
 *   <li>multipliers: none by a constant power of two (a shift); DSP48E1 slices when both operands
 *       have at least 2 bits and the product at least 9 (Yosys's {@code mul2dsp} thresholds), one
 *       per 25x18 signed tile, with fabric adders between columns of slices; below that, Yosys's
 *       {@code maccmap}: an AND per partial-product bit, two LUTs per full adder reducing the A*B
 *       bits to two rows of A+B bits, and an A+B-bit carry chain;
 *   <li>trees of 2:1 multiplexers: per bit, one LUT6 per five inputs (data leaves and selects);
 *       a select that is a comparison against a constant read by nothing else counts as the bits
 *       deciding it, built into each bit's LUT when they leave room for a data bit (saturation
 *       logic); none for a multiplexer between a value and zero that feeds an adder (an AND gate
 *       inside the adder's LUTs);
 *   <li>bitwise and reduction logic: one LUT6 per five inputs beyond the first; equality one LUT
 *       per three bit pairs plus the reduction; dynamic shifts a 4:1 mux per bit per two stages;
 *   <li>memories: block RAM (RAMB18, or RAMB36 when it takes fewer sites) for synchronous reads
 *       of {@code BLOCK} memories and of {@code AUTO} memories above {@value #AUTO_BRAM_MIN_BITS}
 *       bits; otherwise distributed RAM (RAM64M/RAM32M: four LUTs per three or six bits per 64 or
 *       32 words) or a LUT ROM (one LUT per 64 words for each distinct data bit that is neither
 *       constant nor an address bit, see {@link RomColumns}; none when at most five address bits
 *       feed an adder that alone reads the ROM, whose LUTs take the column beside the other
 *       operand's bit), plus one FF per bit of each synchronous read port.
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

  /** The DSP48E1's A port: 25 bits, signed. */
  static final int DSP_A_BITS = 25;

  /** The shift between cascaded DSP48E1 slices (PCIN to PCOUT), the B port's 18 signed bits less one. */
  static final int DSP_CASCADE_SHIFT = 17;

  /** The DSP48E1's post-adder and P register: 48 bits. */
  static final int DSP_P_BITS = 48;

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
  private final ListMultimap<String, Node> readingNodes = ArrayListMultimap.create();
  /** Signals read by a register, an output or a memory port rather than by a node. */
  private final Set<String> readOutsideNodes = new HashSet<>();
  private final DemandedBits demanded;
  private final Map<String, Integer> zeroRegisterBits = new HashMap<>();
  private final Map<String, Integer> zeroBitsMemo = new HashMap<>();
  /** The operand pairs (minuend, subtrahend) of the subtractions synthesis keeps. */
  private final Set<List<String>> subtractions = new HashSet<>();
  /** Comparisons against constants built into the LUTs of the multiplexers they select. */
  private final Set<String> absorbedSelects = new HashSet<>();
  private final Signals signals;
  private final int levels;
  /** The register, node or memory being costed, to which {@link #add} attributes what it counts. */
  private String costing;
  private final Map<String, Map<Resource, Integer>> byElement = new LinkedHashMap<>();

  private Estimator(Design flat) {
    ModuleDef top = flat.topModule();
    this.signals = Signals.of(flat, top);
    for (Resource r : Resource.values()) {
      used.put(r, 0);
    }
    top.nodes().forEach(n -> nodes.put(n.name(), n));
    top.nodes().forEach(n -> n.op().operands().forEach(o -> readers.merge(o, 1, Integer::sum)));
    top.nodes().forEach(n -> n.op().operands().forEach(o -> readingNodes.put(o, n)));
    top.registers().forEach(r -> readOutsideNodes.addAll(Arrays.asList(r.next(), r.enable())));
    top.connects().forEach(c -> readOutsideNodes.add(c.source()));
    for (Memory m : top.memories()) {
      m.readPorts().forEach(rp -> readOutsideNodes.addAll(Arrays.asList(rp.addr(), rp.enable())));
      m.writePorts().forEach(wp -> readOutsideNodes.addAll(Arrays.asList(wp.addr(), wp.data(), wp.enable())));
    }
    this.demanded = DemandedBits.of(top, signals);
    findZeroRegisterBits(top.registers());
    for (Node n : top.nodes()) {
      if (n.op() instanceof Op.Binary b && b.kind() == Op.BinaryKind.SUB && demanded.width(n.name()) > 0) {
        subtractions.add(List.of(b.a(), b.b()));
      }
    }
    for (Node n : top.nodes()) {
      if (absorbedSelect(n.name()).isPresent()
          && readingNodes.get(n.name()).stream().allMatch(r -> r.op() instanceof Op.Mux m && m.sel().equals(n.name()))) {
        absorbedSelects.add(n.name());
      }
    }
    for (Register r : top.registers()) {
      costing = r.name();
      add(Resource.FF, flipFlops(r));
    }
    for (Node n : top.nodes()) {
      if (demanded.width(n.name()) > 0) {
        costing = n.name();
        costNode(n);
      }
    }
    for (Memory m : top.memories()) {
      costing = m.name();
      costMemory(m);
    }
    costing = null;
    used.put(Resource.LUT, used.get(Resource.LUT_AS_LOGIC) + used.get(Resource.LUT_AS_MEMORY));
    this.levels = LogicLevels.of(top, signals);
  }

  /**
   * The flip-flops of register {@code r}: one per demanded bit, except the copied sign bits or zeros
   * of a register loaded from an extending resize (synthesis merges or removes them), and none for
   * the registers a DSP48E1 holds itself: the input registers of a multiplier it implements (AREG,
   * BREG) and the product register (PREG) of a multiplier in one slice or a cascaded column of
   * slices, which keeps only the low 17 bits of each slice but the last in fabric.
   */
  private int flipFlops(Register r) {
    Optional<DemandedBits.Range> range = demanded.of(r.name());
    if (range.isEmpty() || feedsOnlyDsps(r.name())) {
      return 0;
    }
    Node source = throughWiring(r.next());
    // The register is the only reader: its next value, or the node behind the wiring to it.
    if (source != null && isDspPostAdder(source) && readers.getOrDefault(source.name(), 0) <= 1) {
      return 0;
    }
    if (source != null && source.op() instanceof Op.Binary b && b.kind() == Op.BinaryKind.MUL
        && readers.getOrDefault(source.name(), 0) <= 1) {
      Optional<DspTiles> tiles = dspTiles(b, source);
      if (tiles.isPresent() && tiles.get().wide() == 1) {
        return DSP_CASCADE_SHIFT * (tiles.get().narrow() - 1);
      }
    }
    int lo = Math.max(range.get().lo(), zeroRegisterBits.get(r.name()));
    int hi = range.get().hi();
    if (lo > hi) {
      return 0;
    }
    Node n = nodes.get(r.next());
    if (n != null && n.op() instanceof Op.Resize resize && resize.width() > type(resize.a()).width()) {
      int top = type(resize.a()).width() - 1;
      return Math.min(hi, top) - Math.min(lo, top) + 1;
    }
    return hi - lo + 1;
  }

  /** The node behind resizes and casts (which are wiring), or null for a register or port. */
  private Node throughWiring(String name) {
    Node n = nodes.get(name);
    while (n != null && (n.op() instanceof Op.Resize || n.op() instanceof Op.Cast) && readers.getOrDefault(n.name(), 0) == 1) {
      Node inner = nodes.get(n.op().operands().get(0));
      if (inner == null) {
        return n;
      }
      n = inner;
    }
    return n;
  }

  /**
   * Whether {@code n} is a sum a DSP48E1 computes in its post-adder: an add or subtract, at most 48
   * bits wide, of a multiplier that fits one slice and that nothing else reads.
   */
  private boolean isDspPostAdder(Node n) {
    if (!(n.op() instanceof Op.Binary sum) || !(sum.kind() == Op.BinaryKind.ADD || sum.kind() == Op.BinaryKind.SUB)
        || n.type().width() > DSP_P_BITS) {
      return false;
    }
    for (String operand : List.of(sum.a(), sum.b())) {
      Node m = throughWiring(operand);
      if (m != null && m.op() instanceof Op.Binary mul && mul.kind() == Op.BinaryKind.MUL
          && readers.getOrDefault(m.name(), 0) == 1 && !readOutsideNodes.contains(m.name())
          && dspTiles(mul, m).map(t -> t.wide() == 1 && t.narrow() == 1).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every reader of a register is a multiplier mapped to a DSP48E1 (its AREG or BREG). */
  private boolean feedsOnlyDsps(String register) {
    List<Node> users = readingNodes.get(register);
    return !users.isEmpty() && !readOutsideNodes.contains(register)
        && users.stream().allMatch(u -> u.op() instanceof Op.Binary b && b.kind() == Op.BinaryKind.MUL && dspTiles(b, u).isPresent());
  }

  /** The estimated table of {@code design}. */
  public static ResourceTable estimate(Design design) {
    return new Estimator(PREPARE.run(design)).table();
  }

  /**
   * The estimated table of {@code design} and, for each element of the flattened design that
   * costs something, what it costs: registers and nodes by their hierarchical names ({@code
   * pe_0.acc}), memories by theirs.
   */
  public static ResourceAttribution attribute(Design design) {
    Estimator e = new Estimator(PREPARE.run(design));
    ImmutableMap.Builder<String, ImmutableMap<Resource, Integer>> elements = ImmutableMap.builder();
    e.byElement.forEach((name, cost) -> elements.put(name, Maps.immutableEnumMap(cost)));
    return new ResourceAttribution(e.table(), elements.buildOrThrow());
  }

  private ResourceTable table() {
    return new ResourceTable(SOURCE, Device.XC7S15, ImmutableMap.copyOf(used), Optional.of(new LogicDepth(levels)));
  }

  private void add(Resource r, int n) {
    used.merge(r, n, Integer::sum);
    if (costing != null && n != 0) {
      byElement.computeIfAbsent(costing, k -> new EnumMap<>(Resource.class)).merge(r, n, Integer::sum);
    }
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
              case NEG -> carryChain(demandedTop(n) + 1, true);
              case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> add(Resource.LUT_AS_LOGIC, lutTree(w));
            }
            return null;
          }

          @Override
          public Void visitBinary(Op.Binary op) {
            int w = Math.max(type(op.a()).width(), type(op.b()).width());
            boolean bothVariable = !isConstant(op.a()) && !isConstant(op.b());
            switch (op.kind()) {
              case ADD, SUB -> {
                if (!isDspPostAdder(n)) {
                  int width = Math.min(w, demandedTop(n) + 1) - passThroughBits(op);
                  add(Resource.CARRY4, IntMath.divide(width, 4, RoundingMode.CEILING));
                  add(Resource.LUT_AS_LOGIC, bothVariable ? Math.min(width, varyingSumBits(op)) : 1);
                }
              }
              case LT, LE, GT, GE -> {
                if (sharesASubtractor(op) || absorbedSelects.contains(n.name())) {
                  return null;
                }
                if (bothVariable) {
                  carryChain(w, true);
                } else {
                  add(Resource.LUT_AS_LOGIC, lutTree(constantComparison(op).orElseThrow().decidingBits()));
                }
              }
              case EQ, NE -> {
                if (!absorbedSelects.contains(n.name())) {
                  add(Resource.LUT_AS_LOGIC, IntMath.divide(w, bothVariable ? 3 : 6, RoundingMode.CEILING) + lutTree(IntMath.divide(w, 3, RoundingMode.CEILING)));
                }
              }
              case MUL -> multiplier(op, n);
              case AND, OR, XOR -> add(Resource.LUT_AS_LOGIC, bothVariable && readers.getOrDefault(n.name(), 0) != 1 ? demanded.width(n.name()) : 0);
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
            if (!isInnerMux(n) && !isGatedAddend(n)) {
              Set<String> inputs = new HashSet<>();
              collectMuxInputs(n, inputs);
              add(Resource.LUT_AS_LOGIC, demanded.width(n.name()) * Math.max(1, IntMath.divide(inputs.size() - 1, LUT_INPUTS - 1, RoundingMode.CEILING)));
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

  /**
   * The bits of a sum whose carry-chain LUT computes something: below both operands' own widths
   * (before an extending resize) both bits vary; above the narrower one, a zero-extended operand
   * leaves the other's bit as the propagate signal (a wire), while a sign-extended one needs a LUT
   * per bit up to the wider operand's top. Above both, every bit repeats the top bit's propagate
   * signal, which synthesis builds once.
   */
  private int varyingSumBits(Op.Binary op) {
    Extension a = extension(op.a());
    Extension b = extension(op.b());
    Extension narrow = a.bits() <= b.bits() ? a : b;
    Extension wide = narrow == a ? b : a;
    return narrow.signed() ? wide.bits() : narrow.bits();
  }

  /** A signal's own width, seen through extending resizes, and whether it is sign-extended. */
  private record Extension(int bits, boolean signed) {}

  private Extension extension(String name) {
    Node n = nodes.get(name);
    while (n != null && n.op() instanceof Op.Resize r && r.width() >= type(r.a()).width()) {
      name = r.a();
      n = nodes.get(name);
    }
    Type t = type(name);
    return new Extension(t.width(), t.signed());
  }

  /** The highest demanded bit of a node (its top bit when nothing is known). */
  private int demandedTop(Node n) {
    return demanded.of(n.name()).map(DemandedBits.Range::hi).orElse(n.type().width() - 1);
  }

  /**
   * The low bits of a sum that are wires: below the known-zero low bits of an addend (or of the
   * subtrahend) nothing carries, so the other operand's bits pass through.
   */
  private int passThroughBits(Op.Binary op) {
    int b = knownZeroLowBits(op.b());
    return op.kind() == Op.BinaryKind.ADD ? Math.max(knownZeroLowBits(op.a()), b) : b;
  }

  /**
   * The low bits of each register that stay zero: its reset value has them zero and every value it
   * loads too. Starts from the reset values and lowers the counts to a fixed point, as Yosys's
   * {@code opt_dff} removes flip-flops whose input is their constant reset value.
   */
  private void findZeroRegisterBits(List<Register> registers) {
    for (Register r : registers) {
      int w = r.type().width();
      zeroRegisterBits.put(r.name(), r.init().signum() == 0 ? w : Math.min(w, r.init().getLowestSetBit()));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      zeroBitsMemo.clear();
      for (Register r : registers) {
        int loads = Math.min(zeroRegisterBits.get(r.name()), knownZeroLowBits(r.next()));
        if (loads < zeroRegisterBits.get(r.name())) {
          zeroRegisterBits.put(r.name(), loads);
          changed = true;
        }
      }
    }
    zeroBitsMemo.clear();
  }

  /** How many low bits of {@code name} are zero whatever the inputs (a lower bound). */
  private int knownZeroLowBits(String name) {
    Integer register = zeroRegisterBits.get(name);
    if (register != null) {
      return register;
    }
    Integer known = zeroBitsMemo.get(name);
    if (known != null) {
      return known;
    }
    int zeros = zeroLowBitsOfNode(name);
    zeroBitsMemo.put(name, zeros);
    return zeros;
  }

  private int zeroLowBitsOfNode(String name) {
    Node n = nodes.get(name);
    if (n == null) {
      return 0;
    }
    int width = n.type().width();
    if (n.op() instanceof Op.Const c) {
      return c.value().signum() == 0 ? width : Math.min(c.value().getLowestSetBit(), width);
    }
    if (n.op() instanceof Op.ShiftBy sh && sh.kind() == Op.ShiftKind.SHL) {
      return Math.min(width, sh.amount() + knownZeroLowBits(sh.a()));
    }
    if (n.op() instanceof Op.Resize || n.op() instanceof Op.Cast) {
      return Math.min(width, knownZeroLowBits(n.op().operands().get(0)));
    }
    if (n.op() instanceof Op.Mux m) {
      return Math.min(knownZeroLowBits(m.whenTrue()), knownZeroLowBits(m.whenFalse()));
    }
    if (n.op() instanceof Op.Binary b && b.kind() == Op.BinaryKind.MUL) {
      return Math.min(width, knownZeroLowBits(b.a()) + knownZeroLowBits(b.b()));
    }
    return 0;
  }

  /**
   * A multiplexer between a value and zero (an AND gate per bit) read only by an adder: the gate
   * goes into the adder's LUTs, which have inputs to spare.
   */
  private boolean isGatedAddend(Node n) {
    if (!(n.op() instanceof Op.Mux m) || !(isZero(m.whenTrue()) || isZero(m.whenFalse()))) {
      return false;
    }
    if (readers.getOrDefault(n.name(), 0) != 1 || readOutsideNodes.contains(n.name())) {
      return false;
    }
    Node reader = readingNodes.get(n.name()).get(0);
    while ((reader.op() instanceof Op.Resize || reader.op() instanceof Op.Cast) && readers.getOrDefault(reader.name(), 0) == 1
        && !readOutsideNodes.contains(reader.name())) {
      reader = readingNodes.get(reader.name()).get(0);
    }
    return reader.op() instanceof Op.Binary b && (b.kind() == Op.BinaryKind.ADD || b.kind() == Op.BinaryKind.SUB);
  }

  private boolean isZero(String name) {
    Node n = nodes.get(name);
    return n != null && n.op() instanceof Op.Const c && c.value().signum() == 0;
  }

  /** A multiplier's DSP48E1 slices: columns along the 25-bit A port times rows along the 18-bit B port. */
  record DspTiles(int wide, int narrow) {}

  /**
   * The slices Yosys's {@code mul2dsp} gives a multiplier, or empty when it stays in LUTs: an
   * operand narrower than {@value #DSP_MIN_OPERAND_BITS} bits, a product narrower than {@value
   * #DSP_MIN_PRODUCT_BITS}, or a constant power of two (a shift). Operands count at the width
   * synthesis reduces them to: a constant at its minimal width, a variable at no more bits than the
   * demanded product.
   */
  private Optional<DspTiles> dspTiles(Op.Binary mul, Node n) {
    if (isPowerOfTwo(mul.a()) || isPowerOfTwo(mul.b())) {
      return Optional.empty();
    }
    int product = demandedTop(n) + 1;
    int a = effectiveWidth(mul.a(), product);
    int b = effectiveWidth(mul.b(), product);
    if (Math.min(a, b) < DSP_MIN_OPERAND_BITS || product < DSP_MIN_PRODUCT_BITS) {
      return Optional.empty();
    }
    // DSP48E1 multiplies 25x18 signed; unsigned operands need a zero sign bit.
    int extra = n.type().signed() ? 0 : 1;
    int wide = Math.max(a, b) + extra;
    int narrow = Math.min(a, b) + extra;
    return Optional.of(new DspTiles(
        IntMath.divide(Math.max(wide - 1, 1), DSP_A_BITS - 1, RoundingMode.CEILING),
        IntMath.divide(Math.max(narrow - 1, 1), DSP_CASCADE_SHIFT, RoundingMode.CEILING)));
  }

  private void multiplier(Op.Binary mul, Node n) {
    int product = demandedTop(n) + 1;
    if (isPowerOfTwo(mul.a()) || isPowerOfTwo(mul.b())) {
      BigInteger c = ((Op.Const) nodes.get(isPowerOfTwo(mul.a()) ? mul.a() : mul.b()).op()).value();
      if (c.signum() < 0) {
        carryChain(product, true);
      }
      return;
    }
    Optional<DspTiles> tiles = dspTiles(mul, n);
    if (tiles.isPresent()) {
      add(Resource.DSP48E1, tiles.get().wide() * tiles.get().narrow());
      // The rows of a column cascade inside the DSPs; the columns' partial products, 24 bits
      // apart, are summed by carry-chain adders in the fabric.
      int fabricAdder = (tiles.get().wide() - 1) * Math.max(0, product - (DSP_A_BITS - 1));
      add(Resource.LUT_AS_LOGIC, fabricAdder);
      add(Resource.CARRY4, IntMath.divide(fabricAdder, 4, RoundingMode.CEILING));
      return;
    }
    int a = effectiveWidth(mul.a(), product);
    int b = effectiveWidth(mul.b(), product);
    // Yosys's maccmap: an AND per partial-product bit, full adders (a sum LUT and a carry LUT each)
    // reducing the A*B bits to two rows of A+B bits, and one carry-chain adder for the two rows.
    int fullAdders = Math.max(0, a * b - 2 * (a + b));
    add(Resource.LUT_AS_LOGIC, a * b + 2 * fullAdders + a + b);
    add(Resource.CARRY4, IntMath.divide(a + b, 4, RoundingMode.CEILING));
  }

  private boolean isPowerOfTwo(String name) {
    Node n = nodes.get(name);
    if (n == null || !(n.op() instanceof Op.Const c)) {
      return false;
    }
    return c.value().signum() == 0 || c.value().abs().bitCount() == 1;
  }

  /** The bits synthesis keeps of a multiplier operand: a constant's minimal width, else at most the product's. */
  private int effectiveWidth(String operand, int productBits) {
    Node n = nodes.get(operand);
    if (n != null && n.op() instanceof Op.Const c) {
      return c.value().bitLength() + (type(operand).signed() ? 1 : 0);
    }
    return Math.min(type(operand).width(), productBits);
  }

  /**
   * Whether a comparison has the operands of a subtraction that is built anyway: Yosys's {@code
   * alumacc} makes both one carry chain, the comparison reading its carry out.
   */
  private boolean sharesASubtractor(Op.Binary compare) {
    return subtractions.contains(List.of(compare.a(), compare.b())) || subtractions.contains(List.of(compare.b(), compare.a()));
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
    if (absorbedSelects.contains(m.sel())) {
      ConstantComparison select = constantComparison((Op.Binary) nodes.get(m.sel()).op()).orElseThrow();
      int w = type(select.variable()).width();
      for (int bit = w - select.decidingBits(); bit < w; bit++) {
        inputs.add(select.variable() + "[" + bit + "]");
      }
    } else {
      inputs.add(m.sel());
    }
    for (String arm : List.of(m.whenTrue(), m.whenFalse())) {
      Node armNode = nodes.get(arm);
      if (armNode != null && armNode.op() instanceof Op.Mux && isInnerMux(armNode)) {
        collectMuxInputs(armNode, inputs);
      } else if (!isConstant(arm)) {
        inputs.add(arm);
      }
    }
  }

  /**
   * The comparison against a constant that selects a multiplexer and nothing else, when the bits
   * deciding it fit one LUT beside a data bit: synthesis builds the comparison into the LUT of each
   * multiplexed bit (saturation: {@code x > 7 ? 7 : x < -8 ? -8 : x}).
   */
  private Optional<ConstantComparison> absorbedSelect(String select) {
    Node n = nodes.get(select);
    if (n == null || !(n.op() instanceof Op.Binary b) || readers.getOrDefault(select, 0) != 1 || readOutsideNodes.contains(select)) {
      return Optional.empty();
    }
    return constantComparison(b).filter(c -> c.decidingBits() < LUT_INPUTS);
  }

  /** {@code op} as a comparison against a constant, if it is one. */
  private Optional<ConstantComparison> constantComparison(Op.Binary op) {
    switch (op.kind()) {
      case EQ, NE, LT, LE, GT, GE -> {
        return ConstantComparison.of(op, constant(op.a()), constant(op.b()), type(op.a()), type(op.b()));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Optional<BigInteger> constant(String name) {
    Node n = nodes.get(name);
    return n != null && n.op() instanceof Op.Const c ? Optional.of(c.value()) : Optional.empty();
  }

  /** LUT6s in a tree reducing {@code inputs} signals to one. */
  private static int lutTree(int inputs) {
    return inputs <= 1 ? 0 : IntMath.divide(inputs - 1, LUT_INPUTS - 1, RoundingMode.CEILING);
  }

  /**
   * Whether an asynchronous ROM read goes into the LUTs of the adder that alone reads it: each
   * column is a function of at most five address bits, so it fits the adder bit's LUT beside the
   * other operand's bit.
   */
  private boolean mergesIntoAdder(Memory rom, Memory.ReadPort rp) {
    if (rp.sync() || rom.addressWidth() >= LUT_INPUTS || readOutsideNodes.contains(rp.name())) {
      return false;
    }
    List<Node> users = readingNodes.get(rp.name());
    return users.size() == 1 && users.get(0).op() instanceof Op.Binary b
        && (b.kind() == Op.BinaryKind.ADD || b.kind() == Op.BinaryKind.SUB)
        && !isDspPostAdder(users.get(0));
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
    if (m.isRom()) {
      RomColumns columns = RomColumns.of(m);
      for (Memory.ReadPort rp : m.readPorts()) {
        add(Resource.FF, rp.sync() ? columns.varying() : 0);
        if (!mergesIntoAdder(m, rp)) {
          add(Resource.LUT_AS_LOGIC, columns.needingLuts() * IntMath.divide(m.depth(), 1 << LUT_INPUTS, RoundingMode.CEILING));
        }
      }
      return;
    }
    m.readPorts().stream().filter(Memory.ReadPort::sync).forEach(rp -> add(Resource.FF, w));
    int wordsPerLut = m.depth() <= 32 ? 32 : 64;
    int bitsPerPrimitive = m.depth() <= 32 ? 6 : 3;
    int readGroups = IntMath.divide(m.readPorts().size(), 3, RoundingMode.CEILING);
    add(
        Resource.LUT_AS_MEMORY,
        4 * readGroups * IntMath.divide(w, bitsPerPrimitive, RoundingMode.CEILING) * IntMath.divide(m.depth(), wordsPerLut, RoundingMode.CEILING));
  }
}
