package dev.silica.synth;

import dev.silica.ir.Memory;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The output bits of a ROM built from LUTs, seen as truth tables over the address (one column per
 * data bit). Synthesis builds each distinct column once; a column that is constant, or that equals
 * one address bit or its inverse, needs no LUT at all.
 */
final class RomColumns {

  private final Set<BitSet> distinct = new HashSet<>();
  private final int logic;

  private RomColumns(Memory rom) {
    int depth = rom.depth();
    Set<BitSet> literals = new HashSet<>();
    for (int bit = 0; bit < rom.addressWidth(); bit++) {
      BitSet literal = new BitSet(depth);
      for (int word = 0; word < depth; word++) {
        literal.set(word, (word >> bit & 1) == 1);
      }
      literals.add(literal);
      literals.add(inverse(literal, depth));
    }
    Set<BitSet> needingLuts = new HashSet<>();
    for (int bit = 0; bit < rom.type().width(); bit++) {
      BitSet column = new BitSet(depth);
      for (int word = 0; word < depth; word++) {
        BigInteger value = rom.init().isEmpty() ? BigInteger.ZERO : rom.init().get(word);
        column.set(word, value.testBit(bit));
      }
      if (column.isEmpty() || column.cardinality() == depth) {
        continue;
      }
      distinct.add(column);
      if (!literals.contains(column) && !needingLuts.contains(inverse(column, depth))) {
        needingLuts.add(column);
      }
    }
    this.logic = needingLuts.size();
  }

  static RomColumns of(Memory rom) {
    return new RomColumns(rom);
  }

  /** Distinct columns that are not constant: the bits a read register has to hold. */
  int varying() {
    return distinct.size();
  }

  /** Distinct columns (an inverse counting as the same) that are neither constant nor an address bit. */
  int needingLuts() {
    return logic;
  }

  private static BitSet inverse(BitSet column, int depth) {
    BitSet inverse = (BitSet) column.clone();
    inverse.flip(0, depth);
    return inverse;
  }
}
