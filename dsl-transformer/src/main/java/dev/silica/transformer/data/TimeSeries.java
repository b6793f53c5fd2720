package dev.silica.transformer.data;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A regularly sampled multivariate series as read from a file: strictly increasing timestamps,
 * one value per feature per row ({@code NaN} where the file had none), and the nominal sampling
 * step. Rows may be missing (a gap in the timestamps); windowing must not cross one.
 *
 * @param features the feature names, in column order
 * @param times one timestamp per row, strictly increasing
 * @param values {@code values[row][feature]}, NaN for a missing value
 * @param step the sampling interval
 */
public record TimeSeries(ImmutableList<String> features, LocalDateTime[] times, float[][] values, Duration step) {

  public TimeSeries {
    Preconditions.checkArgument(times.length == values.length, "one timestamp per row");
    for (float[] row : values) {
      Preconditions.checkArgument(row.length == features.size(), "one value per feature per row");
    }
  }

  public int rows() {
    return times.length;
  }

  /** The number of missing values of {@code feature}. */
  public int missing(int feature) {
    int count = 0;
    for (float[] row : values) {
      if (Float.isNaN(row[feature])) {
        count++;
      }
    }
    return count;
  }
}
