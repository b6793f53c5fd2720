package dev.silica.transformer.data;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A data set ready for training: chronological train, validation and test windows, the scaling
 * fitted on the training rows, and a report of how the file was read and what was dropped.
 *
 * @param dataset which data set
 * @param channels the input channels, in feature order
 * @param targetChannel the channel forecast one step ahead
 * @param units the target's units, for reporting errors
 * @param scaling the per-channel scaling (fitted on the training rows)
 * @param train training windows
 * @param validation validation windows (early stopping)
 * @param test test windows (reported figures)
 * @param report human-readable lines: split dates, dropped rows and windows, and why
 */
public record ForecastData(Dataset dataset, List<String> channels, int targetChannel, String units,
    Standardization scaling, WindowSet train, WindowSet validation, WindowSet test, List<String> report) {

  public ForecastData {
    channels = ImmutableList.copyOf(channels);
    report = ImmutableList.copyOf(report);
  }

  /** The factor from an error in scaled units to the data's own units. */
  public double unitsPerScaled() {
    return scaling.std()[targetChannel];
  }
}
