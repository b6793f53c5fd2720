package dev.silica.sim;

import dev.silica.ir.Memory;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;

/**
 * The contents of one memory during simulation: {@code depth} words of its type, each a normalized
 * run of {@link Words#count(int)} longs, back to back in one array.
 */
final class SimMemory {
  private final String name;
  private final Type type;
  private final int depth;
  private final int addressWidth;
  private final int wordsPerEntry;
  private final long[] words;

  SimMemory(Memory memory) {
    this.name = memory.name();
    this.type = memory.type();
    this.depth = memory.depth();
    this.addressWidth = memory.addressWidth();
    this.wordsPerEntry = Words.count(type.width());
    this.words = new long[depth * wordsPerEntry];
    if (!memory.init().isEmpty()) {
      load(memory.init());
    }
  }

  String name() {
    return name;
  }

  Type type() {
    return type;
  }

  int depth() {
    return depth;
  }

  int addressWidth() {
    return addressWidth;
  }

  /** The backing array (evaluators keep a reference; it is never replaced). */
  long[] words() {
    return words;
  }

  /** Copies entry {@code address} into {@code v} at {@code base}; beyond the depth it reads 0. */
  void readInto(long address, long[] v, int base) {
    if (address >= 0 && address < depth) {
      System.arraycopy(words, (int) address * wordsPerEntry, v, base, wordsPerEntry);
    } else {
      for (int i = 0; i < wordsPerEntry; i++) {
        v[base + i] = 0;
      }
    }
  }

  /** Stores the run at {@code base} of {@code v} into entry {@code address}; beyond the depth nothing happens. */
  void writeFrom(long address, long[] v, int base) {
    if (address >= 0 && address < depth) {
      System.arraycopy(v, base, words, (int) address * wordsPerEntry, wordsPerEntry);
    }
  }

  BigInteger get(int address) {
    checkAddress(address);
    return Words.toBig(words, address * wordsPerEntry, type);
  }

  void set(int address, BigInteger value) {
    checkAddress(address);
    checkFits(value, "address " + address);
    Words.fromBig(value, words, address * wordsPerEntry, type);
  }

  /** Replaces the first {@code values.size()} entries (all of them must fit the word type). */
  void load(List<BigInteger> values) {
    if (values.size() > depth) {
      throw new IllegalArgumentException(
          "memory " + name + " holds " + depth + " words, cannot load " + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      checkFits(values.get(i), "address " + i);
    }
    for (int i = 0; i < values.size(); i++) {
      Words.fromBig(values.get(i), words, i * wordsPerEntry, type);
    }
  }

  private void checkAddress(int address) {
    if (address < 0 || address >= depth) {
      throw new IllegalArgumentException(
          "address " + address + " is outside memory " + name + " (depth " + depth + ")");
    }
  }

  private void checkFits(BigInteger value, String where) {
    if (!type.fits(value)) {
      throw new IllegalArgumentException(
          "value " + value + " at " + where + " does not fit memory " + name + " of " + type
              + " (range " + type.min() + ".." + type.max() + ")");
    }
  }
}
