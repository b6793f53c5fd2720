package dev.silica.transformer.data;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A multichannel series at a nominal time step: one timestamp and one value per channel for each
 * row, NaN where a value is missing. Rows are in time order; the step between two rows may be
 * larger than {@link #step()} where the recording has a gap.
 */
public final class TimeSeries {

  private final List<String> channels;
  private final LocalDateTime[] times;
  private final double[][] values;
  private final Duration step;

  public TimeSeries(List<String> channels, LocalDateTime[] times, double[][] values, Duration step) {
    Preconditions.checkArgument(times.length == values.length, "%s times for %s rows", times.length, values.length);
    for (int i = 1; i < times.length; i++) {
      Preconditions.checkArgument(times[i].isAfter(times[i - 1]), "rows out of time order at %s", times[i]);
    }
    this.channels = ImmutableList.copyOf(channels);
    this.times = times.clone();
    this.values = values;
    this.step = step;
  }

  public List<String> channels() {
    return channels;
  }

  public int rows() {
    return times.length;
  }

  public LocalDateTime time(int row) {
    return times[row];
  }

  public double value(int row, int channel) {
    return values[row][channel];
  }

  /** Whether every channel of {@code row} has a value. */
  public boolean complete(int row) {
    for (double v : values[row]) {
      if (Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }

  /** Whether row {@code row + 1} follows {@code row} by exactly one step. */
  public boolean contiguous(int row) {
    return times[row].plus(step).equals(times[row + 1]);
  }

  /** The first row at or after {@code time} ({@link #rows()} if none). */
  public int firstRowAtOrAfter(LocalDateTime time) {
    int row = 0;
    while (row < times.length && times[row].isBefore(time)) {
      row++;
    }
    return row;
  }

  public Duration step() {
    return step;
  }
}
