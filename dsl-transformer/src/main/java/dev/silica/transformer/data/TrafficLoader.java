package dev.silica.transformer.data;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Loads one PeMS detector's 5-minute lane flow (vehicles per 5 minutes), univariate: the flow is
 * forecast one step ahead from its own history. The file holds selected weekdays only, so windows
 * never cross a gap in the timestamps. Split: train 2016-01-04 to 2016-02-10, validation 2016-02-17
 * to 2016-02-29 (both from the source's training file), test 2016-03-04 to 2016-03-31 (the
 * source's test file).
 */
public final class TrafficLoader {

  /** The bundled file, under {@code /data/} on the class path. */
  public static final String RESOURCE = "pems_flow_single_detector_5min.csv";

  public static final String FLOW = "flow_veh_per_5min";

  public static final ImmutableList<DateSpan> SPLIT = ImmutableList.of(
      new DateSpan("train", LocalDate.of(2016, 1, 4), LocalDate.of(2016, 2, 10)),
      new DateSpan("validation", LocalDate.of(2016, 2, 17), LocalDate.of(2016, 2, 29)),
      new DateSpan("test", LocalDate.of(2016, 3, 4), LocalDate.of(2016, 3, 31)));

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private TrafficLoader() {}

  /** Reads the flow series; every row must have a flow value. */
  public static TimeSeries series(String fileName, Reader reader) throws IOException {
    CsvFile csv = CsvFile.read(fileName, reader);
    int timestamp = csv.column("timestamp");
    int flow = csv.column(FLOW);
    int rows = csv.rows().size();
    LocalDateTime[] times = new LocalDateTime[rows];
    float[][] values = new float[rows][1];
    for (int r = 0; r < rows; r++) {
      CsvFile.Row row = csv.rows().get(r);
      try {
        times[r] = LocalDateTime.parse(row.get(timestamp), TIMESTAMP);
      } catch (DateTimeParseException e) {
        throw row.error(timestamp, "timestamp must read YYYY-MM-DD HH:MM, got \"" + row.get(timestamp) + "\"");
      }
      if (r > 0 && !times[r].isAfter(times[r - 1])) {
        throw row.error(timestamp, "timestamp " + times[r] + " is not after the previous row's " + times[r - 1]);
      }
      values[r][0] = row.number(flow, FLOW, "");
    }
    return new TimeSeries(ImmutableList.of(FLOW), times, values, Duration.ofMinutes(5));
  }

  /** The forecasting windows of {@code window} 5-minute steps. */
  public static ForecastData load(String fileName, Reader reader, int window) throws IOException {
    TimeSeries series = series(fileName, reader);
    DropReport report = new DropReport();
    report.count("rows with an empty flow", series.missing(0));
    return Windowing.forecastData("traffic", series, 0, "vehicles/5 min", SPLIT, window, report);
  }
}
