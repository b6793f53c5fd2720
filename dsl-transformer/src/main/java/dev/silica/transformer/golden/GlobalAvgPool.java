package dev.silica.transformer.golden;

import com.google.common.base.Preconditions;

/**
 * Golden global average pooling over the sequence: for each channel, the mean of its {@code L}
 * codes, rounded half up ({@code floor((2 sum + L) / 2L)}), same scale and zero point as the input
 * (the mean of codes is the code of the mean). Its only error is that rounding, at most 0.5 LSB
 * against the real mean (checked by {@code ElementwiseTest}).
 */
public final class GlobalAvgPool {

  private GlobalAvgPool() {}

  /** The rounded mean of one channel's codes. */
  public static int mean(int[] codes) {
    Preconditions.checkArgument(codes.length > 0, "cannot average an empty sequence");
    long sum = 0;
    for (int code : codes) {
      sum += code;
    }
    return (int) FixedPointMath.roundedDivide(sum, codes.length);
  }

  /** The rounded mean of each channel of {@code sequence[position][channel]}. */
  public static int[] apply(int[][] sequence) {
    Preconditions.checkArgument(sequence.length > 0, "cannot average an empty sequence");
    int channels = sequence[0].length;
    int[] result = new int[channels];
    int[] column = new int[sequence.length];
    for (int c = 0; c < channels; c++) {
      for (int t = 0; t < sequence.length; t++) {
        column[t] = sequence[t][c];
      }
      result[c] = mean(column);
    }
    return result;
  }
}
