package dev.silica.sim;

import dev.silica.ir.Type;

/** Where a value lives in the value array: its first word, word count and type. */
final class Run {
  final int base;
  final int n;
  final int width;
  final boolean signed;
  final Type type;

  Run(int base, Type type) {
    this.base = base;
    this.n = Words.count(type.width());
    this.width = type.width();
    this.signed = type.signed();
    this.type = type;
  }

  /** Word {@code i} of this value, extended past its end. */
  long word(long[] v, int i) {
    return Words.word(v, base, n, signed, i);
  }

  /** The 64 bits of this (extended) value from bit {@code from}; below bit 0 reads zeros. */
  long bitsAt(long[] v, long from) {
    return Words.bitsAt(v, base, n, signed, from);
  }

  /** Bit {@code i} (below the width) of this value. */
  boolean bit(long[] v, int i) {
    return ((v[base + (i >>> 6)] >>> (i & 63)) & 1) != 0;
  }

  void normalizeTop(long[] v) {
    Words.normalizeTop(v, base, type);
  }
}
