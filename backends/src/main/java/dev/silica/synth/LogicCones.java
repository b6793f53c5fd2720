package dev.silica.synth;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.SetMultimap;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fan-out-free cones of bitwise logic (AND, OR, XOR, with inverters as wiring) and 2:1
 * multiplexers, bit by bit, which synthesis (ABC) maps into LUT6s whole. A logic bit belongs to the
 * cone of the bit that reads it when every logic bit reading it, through wiring, is in that same
 * cone; otherwise it is a cone's root: read by several cones, or its node by anything other than
 * logic (an adder, a comparison, a register, an output...). A cone's leaves are the distinct
 * variable bits it reads that are not in it; a select that is an {@linkplain AbsorbedSelects
 * absorbed comparison} counts as the bits deciding it. A root read only by other cones is built
 * into each of them instead where every one still fits a LUT6 (ABC duplicates small logic where
 * that saves a LUT), as a 4-bit Booth multiplier's decoded digit selects and partial products go
 * into its carry-save adder's LUTs.
 */
final class LogicCones {

  private final NetlistFacts facts;
  private final BitSources sources;
  private final AbsorbedSelects absorbed;
  /** Logic nodes something other than logic reads, through wiring. */
  private final Set<String> readBeyondLogic = new HashSet<>();
  /** The demanded logic bits reading each logic bit, through wiring. */
  private final SetMultimap<Bit, Bit> readers = HashMultimap.create();
  private final Map<Bit, Bit> roots = new HashMap<>();
  private final Map<Bit, Set<Bit>> leafSets = new HashMap<>();
  private final Set<Bit> duplicated = new HashSet<>();

  LogicCones(NetlistFacts facts, AbsorbedSelects absorbed) {
    this.facts = facts;
    this.sources = new BitSources(facts);
    this.absorbed = absorbed;
    Set<String> visited = new HashSet<>();
    for (Node n : facts.module().nodes()) {
      if (facts.isReadOutsideNodes(n.name())) {
        markReadBeyondLogic(n.name(), visited);
      }
      if (isLogic(n)) {
        for (Bit reader : demandedBits(n)) {
          inputs(reader).stream().filter(this::isLogic).forEach(input -> readers.put(input, reader));
        }
      } else if (!BitSources.isWiring(n)) {
        n.op().operands().forEach(o -> markReadBeyondLogic(o, visited));
      }
    }
    for (Node n : facts.module().nodes()) {
      if (isLogic(n) && !readBeyondLogic.contains(n.name())) {
        demandedBits(n).forEach(this::duplicateIfItFits);
      }
    }
  }

  /** Whether {@code n} is an AND, OR, XOR or multiplexer. */
  static boolean isLogic(Node n) {
    return n != null && (n.op() instanceof Op.Mux || n.op() instanceof Op.Binary b && isBitwise(b.kind()));
  }

  private static boolean isBitwise(Op.BinaryKind kind) {
    return kind == Op.BinaryKind.AND || kind == Op.BinaryKind.OR || kind == Op.BinaryKind.XOR;
  }

  private boolean isLogic(Bit b) {
    return isLogic(facts.node(b.signal()));
  }

  /**
   * The LUT6s of the cones logic node {@code n} roots, over its demanded bits: none for a bit inside
   * another cone or duplicated into its readers' cones; one for two to six leaves; a LUT tree
   * beyond.
   */
  int luts(Node n) {
    return demandedBits(n).stream().filter(this::isOwnRoot).mapToInt(b -> Fabric.lutTree(leaves(b).size())).sum();
  }

  /**
   * The most LUT levels a cone logic node {@code n} roots adds to the deepest of its leaves: none
   * for bits inside other cones or duplicated into their readers' cones (whose levels count them).
   */
  int levels(Node n) {
    return demandedBits(n).stream().filter(this::isOwnRoot).mapToInt(b -> Fabric.lutTreeLevels(leaves(b).size()))
        .max().orElse(0);
  }

  /** Whether bit {@code b} roots a cone that is not built into its readers' cones. */
  private boolean isOwnRoot(Bit b) {
    return isRoot(b) && !duplicated.contains(b);
  }

  /** The demanded bits of node {@code n}. */
  private List<Bit> demandedBits(Node n) {
    List<Bit> bits = new ArrayList<>();
    facts.demanded().of(n.name()).ifPresent(range -> {
      for (int i = range.lo(); i <= range.hi(); i++) {
        bits.add(new Bit(n.name(), i));
      }
    });
    return bits;
  }

  private boolean isRoot(Bit b) {
    return root(b).equals(b);
  }

  /**
   * Builds the root {@code b}, read only by other cones, into each of them when every reading cone
   * needs a LUT anyway and, with {@code b}'s leaves in place of {@code b}, still fits one LUT6.
   * Roots are decided in the module's order, each decision widening the cones it joins.
   */
  private void duplicateIfItFits(Bit b) {
    if (!isRoot(b) || readers.get(b).isEmpty()) {
      return;
    }
    Set<Bit> own = leaves(b);
    Set<Bit> readerRoots = new HashSet<>();
    readers.get(b).forEach(r -> readerRoots.add(root(r)));
    for (Bit r : readerRoots) {
      Set<Bit> merged = new HashSet<>(leaves(r));
      merged.remove(b);
      merged.addAll(own);
      if (leaves(r).size() < 2 || merged.size() > Fabric.LUT_INPUTS) {
        return;
      }
    }
    duplicated.add(b);
    for (Bit r : readerRoots) {
      Set<Bit> leaves = leaves(r);
      leaves.remove(b);
      leaves.addAll(own);
    }
  }

  /** The distinct variable bits the cone rooted at {@code root} reads, duplicated roots' leaves in their place. */
  private Set<Bit> leaves(Bit root) {
    Set<Bit> known = leafSets.get(root);
    if (known != null) {
      return known;
    }
    Set<Bit> leaves = new HashSet<>();
    Set<Bit> inside = new HashSet<>();
    Deque<Bit> work = new ArrayDeque<>(List.of(root));
    while (!work.isEmpty()) {
      for (Bit input : inputs(work.pop())) {
        if (isLogic(input) && root(input).equals(root)) {
          if (inside.add(input)) {
            work.push(input);
          }
        } else if (duplicated.contains(input)) {
          leaves.addAll(leaves(input));
        } else {
          leaves.add(input);
        }
      }
    }
    leafSets.put(root, leaves);
    return leaves;
  }

  private Bit root(Bit b) {
    Bit known = roots.get(b);
    if (known != null) {
      return known;
    }
    Bit root = b;
    if (!readBeyondLogic.contains(b.signal())) {
      Set<Bit> readerRoots = new HashSet<>();
      readers.get(b).forEach(r -> readerRoots.add(root(r)));
      if (readerRoots.size() == 1) {
        root = readerRoots.iterator().next();
      }
    }
    roots.put(b, root);
    return root;
  }

  /** The variable bits bit {@code b} of a logic node computes from. */
  private List<Bit> inputs(Bit b) {
    Op op = facts.node(b.signal()).op();
    List<Bit> inputs = new ArrayList<>();
    if (op instanceof Op.Mux m) {
      absorbed.get(m.sel()).ifPresentOrElse(
          select -> {
            int w = facts.type(select.variable()).width();
            for (int i = w - select.decidingBits(); i < w; i++) {
              sources.of(select.variable(), i).ifPresent(inputs::add);
            }
          },
          () -> sources.of(m.sel(), 0).ifPresent(inputs::add));
      sources.of(m.whenTrue(), b.index()).ifPresent(inputs::add);
      sources.of(m.whenFalse(), b.index()).ifPresent(inputs::add);
    } else {
      op.operands().forEach(o -> sources.of(o, b.index()).ifPresent(inputs::add));
    }
    return inputs;
  }

  /** Marks the logic nodes {@code name} is, or is wired from, as read by something other than logic. */
  private void markReadBeyondLogic(String name, Set<String> visited) {
    Node n = facts.node(name);
    if (n == null || !visited.add(name)) {
      return;
    }
    if (isLogic(n)) {
      readBeyondLogic.add(name);
    } else if (BitSources.isWiring(n)) {
      n.op().operands().forEach(o -> markReadBeyondLogic(o, visited));
    }
  }
}
