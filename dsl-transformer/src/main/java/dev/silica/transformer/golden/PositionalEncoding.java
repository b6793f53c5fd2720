package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Golden sinusoidal positional-encoding add from a ROM: {@code PE(t, 2i) = sin(t / 10000^(2i/D))},
 * {@code PE(t, 2i+1) = cos(t / 10000^(2i/D))}, quantized once to the input's scale ({@code
 * round(PE / S)}, half away from zero) into a table of {@code maxLength x D} codes; at run time
 * {@code y = clamp(x + table[t][c])}, same scale and zero point as the input. Its error against
 * {@code x + PE} is the table's rounding, at most 0.5 LSB, plus saturation (checked by {@code
 * ElementwiseTest}).
 */
public final class PositionalEncoding {

  private final int[][] table;
  private final QuantSpec input;

  /**
   * @param maxLength the number of positions in the ROM
   * @param dModel {@code D}, the number of channels
   * @param input the input's quantization, which the output shares
   */
  public PositionalEncoding(int maxLength, int dModel, QuantSpec input) {
    Preconditions.checkArgument(maxLength >= 1 && dModel >= 1, "need at least one position and one channel");
    this.input = input;
    this.table = new int[maxLength][dModel];
    for (int t = 0; t < maxLength; t++) {
      for (int c = 0; c < dModel; c++) {
        table[t][c] = (int) QuantizeMultiplier.roundHalfAwayFromZero(reference(t, c, dModel) / input.scale());
      }
    }
  }

  /** The ROM given entry by entry, {@code table[position][channel]} (as read back from a model file). */
  public PositionalEncoding(int[][] table, QuantSpec input) {
    Preconditions.checkArgument(table.length >= 1 && table[0].length >= 1, "need at least one position and one channel");
    this.input = input;
    this.table = new int[table.length][];
    for (int t = 0; t < table.length; t++) {
      Preconditions.checkArgument(table[t].length == table[0].length, "position %s has %s channels, expected %s", t,
          table[t].length, table[0].length);
      this.table[t] = table[t].clone();
    }
  }

  /** The float reference {@code PE(t, c)}. */
  public static double reference(int position, int channel, int dModel) {
    double angle = position / Math.pow(10000, (channel / 2 * 2) / (double) dModel);
    return channel % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
  }

  /** {@code clamp(x + table[t][c])} for one code. */
  public int apply(int code, int position, int channel) {
    return (int) input.format().saturate((long) code + table[position][channel]);
  }

  /** Adds the encoding to {@code sequence[position][channel]}. */
  public int[][] apply(int[][] sequence) {
    Preconditions.checkArgument(sequence.length <= table.length, "sequence of %s positions, ROM holds %s",
        sequence.length, table.length);
    int[][] result = new int[sequence.length][];
    for (int t = 0; t < sequence.length; t++) {
      Preconditions.checkArgument(sequence[t].length == table[t].length, "expected %s channels", table[t].length);
      result[t] = new int[sequence[t].length];
      for (int c = 0; c < sequence[t].length; c++) {
        result[t][c] = apply(sequence[t][c], t, c);
      }
    }
    return result;
  }

  /** The ROM entry for position {@code t}, channel {@code c}. */
  public int entry(int position, int channel) {
    return table[position][channel];
  }

  /** The narrowest signed format holding every ROM entry. */
  public IntFormat entryFormat() {
    long min = 0;
    long max = 0;
    for (int[] row : table) {
      for (int v : row) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return IntFormat.signedFor(min, max);
  }

  public int maxLength() {
    return table.length;
  }

  public int dModel() {
    return table[0].length;
  }

  public QuantSpec input() {
    return input;
  }
}
