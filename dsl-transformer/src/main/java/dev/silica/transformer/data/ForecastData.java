package dev.silica.transformer.data;

import com.google.common.collect.ImmutableList;

/**
 * A data set ready for one-step-ahead forecasting: chronological train, validation and test
 * windows (standardized with statistics of the training period), how to turn a standardized
 * target back into the data's units, and what the loader dropped.
 *
 * @param name the data set's name ({@code airquality}, {@code traffic})
 * @param features input feature names, in the order of a window's columns
 * @param target the forecast feature
 * @param unit the target's unit
 * @param spans the train, validation and test periods
 * @param train training windows
 * @param validation validation windows (early stopping)
 * @param test test windows (reported figures)
 * @param scaling the standardization, fitted on the training period
 * @param targetFeature the target's index among {@code features}
 * @param dropped what was left out and why
 */
public record ForecastData(String name, ImmutableList<String> features, String target, String unit,
    ImmutableList<DateSpan> spans, WindowSet train, WindowSet validation, WindowSet test, Standardizer scaling,
    int targetFeature, DropReport dropped) {

  /** A standardized target in the data's own units. */
  public double toUnits(double standardizedTarget) {
    return scaling.toUnits(standardizedTarget, targetFeature);
  }

  /** The target's standard deviation over the training period: one standardized unit in data units. */
  public double targetStd() {
    return scaling.std()[targetFeature];
  }

  /** A few lines describing the split and what was dropped. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append(name).append(": target ").append(target).append(" (").append(unit).append(") one step ahead, inputs ")
        .append(String.join(", ", features)).append(", window ").append(train.window()).append('\n');
    WindowSet[] sets = {train, validation, test};
    for (int i = 0; i < sets.length; i++) {
      text.append(spans.get(i)).append(": ").append(sets[i].size()).append(" windows\n");
    }
    text.append(dropped);
    return text.toString();
  }
}
