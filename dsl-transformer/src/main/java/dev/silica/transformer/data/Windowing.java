package dev.silica.transformer.data;

import com.google.common.base.Preconditions;

/**
 * Cuts a segment of a {@link TimeSeries} into sliding windows of {@code window} steps with the
 * next step's target. A window is kept only if its steps and its target step are consecutive in
 * time (it never crosses a gap) and none of their values is missing; what is dropped is counted.
 */
public final class Windowing {

  /** The windows of one segment and how many candidate windows were dropped, by reason. */
  public record Result(WindowSet windows, int candidates, int droppedForGap, int droppedForMissing) {

    /** One line for the load report. */
    public String describe(String segment) {
      return String.format("%s: %d windows kept of %d candidates; dropped %d crossing a time gap, %d with a missing value",
          segment, windows.count(), candidates, droppedForGap, droppedForMissing);
    }
  }

  private Windowing() {}

  /**
   * Windows over rows {@code [from, to)} of {@code series}, inputs and target scaled by {@code
   * scaling}; every channel is an input, {@code targetChannel} is also the target.
   */
  public static Result cut(TimeSeries series, int from, int to, int window, int targetChannel,
      Standardization scaling) {
    Preconditions.checkArgument(window >= 1, "window must be >= 1, got %s", window);
    int features = series.channels().size();
    int candidates = Math.max(0, to - from - window);
    double[] inputs = new double[candidates * window * features];
    double[] targets = new double[candidates];
    int kept = 0;
    int gaps = 0;
    int missing = 0;
    for (int first = from; first + window < to; first++) {
      int targetRow = first + window;
      if (!contiguous(series, first, targetRow)) {
        gaps++;
        continue;
      }
      if (!complete(series, first, targetRow) || Double.isNaN(series.value(targetRow, targetChannel))) {
        missing++;
        continue;
      }
      int offset = kept * window * features;
      for (int step = 0; step < window; step++) {
        for (int c = 0; c < features; c++) {
          inputs[offset + step * features + c] = scaling.scale(series.value(first + step, c), c);
        }
      }
      targets[kept] = scaling.scale(series.value(targetRow, targetChannel), targetChannel);
      kept++;
    }
    WindowSet set = new WindowSet(window, features, java.util.Arrays.copyOf(inputs, kept * window * features),
        java.util.Arrays.copyOf(targets, kept));
    return new Result(set, candidates, gaps, missing);
  }

  private static boolean contiguous(TimeSeries series, int first, int last) {
    for (int row = first; row < last; row++) {
      if (!series.contiguous(row)) {
        return false;
      }
    }
    return true;
  }

  private static boolean complete(TimeSeries series, int first, int lastExclusive) {
    for (int row = first; row < lastExclusive; row++) {
      if (!series.complete(row)) {
        return false;
      }
    }
    return true;
  }
}
