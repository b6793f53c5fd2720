package dev.silica.transformer.data;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Floats;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@link TimeSeries} into one-step-ahead forecasting windows: {@code window} consecutive
 * rows as input, the next row's target as label. A candidate window is dropped, and counted in the
 * {@link DropReport}, when its rows are not consecutive samples (it would cross a gap in the
 * timestamps), when an input row has a missing value or the target is missing, or when it does not lie
 * inside one of the split's periods. Standardization is fitted on the rows of the first
 * (training) period only.
 */
public final class Windowing {

  static final String CROSSES_GAP = "window crosses a gap in the timestamps";
  static final String MISSING_VALUE = "window contains a missing value";
  static final String OUTSIDE_SPLIT = "window straddles two split periods";

  private Windowing() {}

  /**
   * @param spans train, validation and test periods, in that order
   * @param targetFeature the forecast feature's index in {@code series}
   */
  public static ForecastData forecastData(String name, TimeSeries series, int targetFeature, String unit,
      ImmutableList<DateSpan> spans, int window, DropReport report) {
    Preconditions.checkArgument(window >= 1, "window must be >= 1, got %s", window);
    Preconditions.checkArgument(spans.size() == 3, "expected train, validation and test periods");
    boolean[] inTrain = new boolean[series.rows()];
    for (int r = 0; r < inTrain.length; r++) {
      inTrain[r] = spans.get(0).contains(series.times()[r]);
    }
    Standardizer scaling = Standardizer.fit(series.values(), inTrain);
    float[][] values = scaling.apply(series.values());
    int features = series.features().size();
    List<List<float[]>> inputs = new ArrayList<>();
    List<List<Float>> targets = new ArrayList<>();
    for (int s = 0; s < spans.size(); s++) {
      inputs.add(new ArrayList<>());
      targets.add(new ArrayList<>());
    }
    for (int end = window; end < series.rows(); end++) {
      int first = end - window;
      if (!series.times()[first].plus(series.step().multipliedBy(window)).equals(series.times()[end])) {
        report.count(CROSSES_GAP);
        continue;
      }
      if (hasMissing(values, first, end) || Float.isNaN(values[end][targetFeature])) {
        report.count(MISSING_VALUE);
        continue;
      }
      int span = spanOf(spans, series, first, end);
      if (span < 0) {
        report.count(OUTSIDE_SPLIT);
        continue;
      }
      float[] block = new float[window * features];
      for (int r = 0; r < window; r++) {
        System.arraycopy(values[first + r], 0, block, r * features, features);
      }
      inputs.get(span).add(block);
      targets.get(span).add(values[end][targetFeature]);
    }
    WindowSet[] sets = new WindowSet[3];
    for (int s = 0; s < 3; s++) {
      float[] flat = new float[inputs.get(s).size() * window * features];
      for (int i = 0; i < inputs.get(s).size(); i++) {
        System.arraycopy(inputs.get(s).get(i), 0, flat, i * window * features, window * features);
      }
      sets[s] = new WindowSet(spans.get(s).name(), window, features, flat, Floats.toArray(targets.get(s)));
      Preconditions.checkArgument(sets[s].size() > 0, "%s has no complete window of %s rows", spans.get(s), window);
    }
    return new ForecastData(name, series.features(), series.features().get(targetFeature), unit, spans, sets[0],
        sets[1], sets[2], scaling, targetFeature, report);
  }

  private static boolean hasMissing(float[][] values, int first, int end) {
    for (int r = first; r < end; r++) {
      for (float v : values[r]) {
        if (Float.isNaN(v)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int spanOf(ImmutableList<DateSpan> spans, TimeSeries series, int first, int last) {
    for (int s = 0; s < spans.size(); s++) {
      if (spans.get(s).contains(series.times()[first]) && spans.get(s).contains(series.times()[last])) {
        return s;
      }
    }
    return -1;
  }
}
