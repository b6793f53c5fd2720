package dev.silica.transformer.data;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a series in time at two dates into train, validation and test segments, fits the scaling
 * on the training segment only, and windows each segment on its own (a window never straddles two
 * segments).
 *
 * @param validationStart first time of the validation segment
 * @param testStart first time of the test segment
 */
public record ChronologicalSplit(LocalDateTime validationStart, LocalDateTime testStart) {

  /** Windows the three segments and appends their lines to {@code report}. */
  public ForecastData apply(Dataset dataset, TimeSeries series, int window, int targetChannel, String units,
      List<String> report) {
    int validationRow = series.firstRowAtOrAfter(validationStart);
    int testRow = series.firstRowAtOrAfter(testStart);
    Standardization scaling = Standardization.fit(series, 0, validationRow);
    List<String> lines = new ArrayList<>(report);
    Windowing.Result train = Windowing.cut(series, 0, validationRow, window, targetChannel, scaling);
    Windowing.Result validation = Windowing.cut(series, validationRow, testRow, window, targetChannel, scaling);
    Windowing.Result test = Windowing.cut(series, testRow, series.rows(), window, targetChannel, scaling);
    lines.add(train.describe(segment("train", series, 0, validationRow)));
    lines.add(validation.describe(segment("validation", series, validationRow, testRow)));
    lines.add(test.describe(segment("test", series, testRow, series.rows())));
    return new ForecastData(dataset, series.channels(), targetChannel, units, scaling, train.windows(),
        validation.windows(), test.windows(), lines);
  }

  private static String segment(String name, TimeSeries series, int from, int to) {
    if (from >= to) {
      return name + " (empty)";
    }
    return String.format("%s %s .. %s (%d rows)", name, series.time(from), series.time(to - 1), to - from);
  }
}
