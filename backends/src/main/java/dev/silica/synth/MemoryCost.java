package dev.silica.synth;

import com.google.common.math.IntMath;
import dev.silica.ir.Memory;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a memory costs: block RAM ({@link BlockRamFit}) for synchronous reads of {@code BLOCK}
 * memories and of {@code AUTO} memories of at least {@value #AUTO_BRAM_MIN_BITS} bits; otherwise
 * distributed RAM (RAM64M/RAM32M: four LUTs per three or six bits per 64 or 32 words, for each
 * group of up to three read ports) or a LUT ROM (one LUT per 64 words for each column that needs
 * logic, see {@link RomColumns}; none when at most five address bits feed an adder that alone
 * reads the ROM, whose LUTs take the column beside the other operand's bit), plus one FF per bit of
 * each synchronous read port.
 */
final class MemoryCost {

  /** AUTO memories with at least this many bits and only synchronous reads go to block RAM. */
  static final int AUTO_BRAM_MIN_BITS = 4096;

  private final NetlistFacts facts;
  private final DspMapping dsp;

  MemoryCost(NetlistFacts facts, DspMapping dsp) {
    this.facts = facts;
    this.dsp = dsp;
  }

  /** The cost of {@code m}. */
  ResourceCount of(Memory m) {
    if (isBlockRam(m)) {
      BlockRamFit fit = BlockRamFit.of(m.depth(), m.type().width(), m.readPorts().size() + m.writePorts().size() > 2);
      return ResourceCount.of(Resource.RAMB18, fit.ramb18()).add(Resource.RAMB36, fit.ramb36());
    }
    return m.isRom() ? rom(m) : distributedRam(m);
  }

  private static boolean isBlockRam(Memory m) {
    long bits = (long) m.depth() * m.type().width();
    boolean allSync = m.readPorts().stream().allMatch(Memory.ReadPort::sync);
    return allSync && (m.style() == Memory.Style.BLOCK || m.style() == Memory.Style.AUTO && bits >= AUTO_BRAM_MIN_BITS);
  }

  private ResourceCount rom(Memory m) {
    RomColumns columns = RomColumns.of(m);
    ResourceCount cost = ResourceCount.none();
    for (Memory.ReadPort rp : m.readPorts()) {
      cost.add(Resource.FF, rp.sync() ? columns.varying() : 0);
      if (!mergesIntoAdder(m, rp)) {
        cost.add(Resource.LUT_AS_LOGIC, columns.needingLuts() * IntMath.divide(m.depth(), 1 << Fabric.LUT_INPUTS, RoundingMode.CEILING));
      }
    }
    return cost;
  }

  private static ResourceCount distributedRam(Memory m) {
    int w = m.type().width();
    ResourceCount cost = ResourceCount.of(Resource.FF, w * (int) m.readPorts().stream().filter(Memory.ReadPort::sync).count());
    int wordsPerLut = m.depth() <= 32 ? 32 : 64;
    int bitsPerPrimitive = m.depth() <= 32 ? 6 : 3;
    int readGroups = IntMath.divide(m.readPorts().size(), 3, RoundingMode.CEILING);
    return cost.add(
        Resource.LUT_AS_MEMORY,
        4 * readGroups * IntMath.divide(w, bitsPerPrimitive, RoundingMode.CEILING) * IntMath.divide(m.depth(), wordsPerLut, RoundingMode.CEILING));
  }

  /**
   * Whether an asynchronous ROM read goes into the LUTs of the adder that alone reads it: each
   * column is a function of at most five address bits, so it fits the adder bit's LUT beside the
   * other operand's bit.
   */
  private boolean mergesIntoAdder(Memory rom, Memory.ReadPort rp) {
    if (rp.sync() || rom.addressWidth() >= Fabric.LUT_INPUTS || facts.isReadOutsideNodes(rp.name())) {
      return false;
    }
    List<Node> users = facts.readers(rp.name());
    return users.size() == 1 && users.get(0).op() instanceof Op.Binary b
        && (b.kind() == Op.BinaryKind.ADD || b.kind() == Op.BinaryKind.SUB)
        && !dsp.isPostAdder(users.get(0));
  }
}
