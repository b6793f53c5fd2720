package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * {@code exp(delta * S)} from a table over every possible input difference {@code 0..maxDelta}
 * (all {@code 2^b} codes of a b-bit row), each entry {@code round(exp(-k S) (2^entryBits - 1))}:
 * the method of the published Spartan-7 integer-only Transformer. The table is filled once, in
 * floating point, when the block is built; looking it up is the only run-time step.
 */
public final class ExpLut implements IntExp {

  private final long[] table;

  /**
   * @param inputScale the real scale {@code S} of one input code
   * @param maxDelta the largest input difference magnitude (2^bits - 1 for a full b-bit row)
   * @param entryBits the unsigned width of an entry
   */
  public ExpLut(double inputScale, int maxDelta, int entryBits) {
    Preconditions.checkArgument(inputScale > 0 && Double.isFinite(inputScale), "scale must be positive");
    Preconditions.checkArgument(entryBits >= 1 && entryBits <= 32, "entry width must be 1..32 bits");
    Preconditions.checkArgument(maxDelta >= 0, "maxDelta must be >= 0");
    long top = (1L << entryBits) - 1;
    table = new long[maxDelta + 1];
    for (int k = 0; k <= maxDelta; k++) {
      table[k] = Math.round(Math.exp(-k * inputScale) * top);
    }
  }

  /** A table given entry by entry (as read back from a model file); entries must not increase. */
  public static ExpLut ofTable(long[] table) {
    Preconditions.checkArgument(table.length >= 1, "the table needs at least one entry");
    for (int k = 1; k < table.length; k++) {
      Preconditions.checkArgument(table[k] >= 0 && table[k] <= table[k - 1], "entry %s is not in [0, entry %s]", k,
          k - 1);
    }
    return new ExpLut(table.clone());
  }

  private ExpLut(long[] table) {
    this.table = table;
  }

  @Override
  public long exp(int delta) {
    Preconditions.checkArgument(delta <= 0 && delta >= -maxDelta(), "delta %s outside [-%s, 0]", delta, maxDelta());
    return table[-delta];
  }

  @Override
  public long maxValue() {
    return table[0];
  }

  @Override
  public int maxDelta() {
    return table.length - 1;
  }

  /** The table entry for {@code delta = -k}. */
  public long entry(int k) {
    return table[k];
  }
}
