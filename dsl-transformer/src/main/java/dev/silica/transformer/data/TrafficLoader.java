package dev.silica.transformer.data;

import com.google.common.io.Resources;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one PeMS detector's 5-minute flow (vehicles per 5 minutes), a univariate series recorded
 * on selected weekdays only, so windows must not cross the gaps between recorded runs. A row whose
 * {@code pct_observed} is 0 was imputed by PeMS, not measured: its flow counts as missing.
 * Chronological split: the source's training file up to 2016-02-21 for training, 2016-02-22 to
 * 2016-02-29 for validation, and the source's test file (2016-03-04 to 2016-03-31) for testing.
 */
public final class TrafficLoader {

  /** The bundled resource. */
  public static final String RESOURCE = "/data/pems_flow_single_detector_5min.csv";
  /** Where the series is split. */
  public static final ChronologicalSplit SPLIT =
      new ChronologicalSplit(LocalDateTime.of(2016, 2, 22, 0, 0), LocalDateTime.of(2016, 3, 1, 0, 0));

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private TrafficLoader() {}

  /** Loads the bundled file and windows it. */
  public static ForecastData load(int window) {
    String name = RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1);
    try (Reader reader = new InputStreamReader(
        Resources.getResource(TrafficLoader.class, RESOURCE).openStream(), StandardCharsets.UTF_8)) {
      List<String> report = new ArrayList<>();
      TimeSeries series = parse(name, reader, report);
      return SPLIT.apply(Dataset.TRAFFIC, series, window, 0, "vehicles/5 min", report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses the file's rows; appends the row count, gaps and unobserved rows to {@code report}. */
  public static TimeSeries parse(String source, Reader reader, List<String> report) {
    CsvTable table = CsvTable.read(source, reader);
    int timeColumn = table.column("timestamp");
    int flowColumn = table.column("flow_veh_per_5min");
    int observedColumn = table.column("pct_observed");
    int rows = table.rows().size();
    LocalDateTime[] times = new LocalDateTime[rows];
    double[][] values = new double[rows][1];
    int unobserved = 0;
    for (int r = 0; r < rows; r++) {
      CsvTable.Row row = table.rows().get(r);
      String text = row.fields().get(timeColumn);
      try {
        times[r] = LocalDateTime.parse(text, TIMESTAMP);
      } catch (DateTimeParseException e) {
        throw table.error(row, timeColumn, "column \"timestamp\": \"" + text + "\" is not yyyy-MM-dd HH:mm");
      }
      if (r > 0 && !times[r].isAfter(times[r - 1])) {
        throw table.error(row, timeColumn, "time " + times[r] + " is not after the previous row's " + times[r - 1]);
      }
      double flow = table.number(row, flowColumn, "");
      double observed = table.number(row, observedColumn, "");
      if (observed == 0) {
        unobserved++;
        flow = Double.NaN;
      }
      values[r][0] = flow;
    }
    TimeSeries series = new TimeSeries(List.of("flow"), times, values, Duration.ofMinutes(5));
    int runs = rows == 0 ? 0 : 1;
    for (int r = 0; r + 1 < rows; r++) {
      if (!series.contiguous(r)) {
        runs++;
      }
    }
    report.add(String.format("%s: %d rows in %d contiguous 5-minute runs; %d rows with pct_observed = 0 treated as missing",
        source, rows, runs, unobserved));
    return series;
  }
}
