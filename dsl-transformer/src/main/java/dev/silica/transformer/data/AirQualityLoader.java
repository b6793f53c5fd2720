package dev.silica.transformer.data;

import com.google.common.io.Resources;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Beijing Aotizhongxin hourly air-quality file (UCI layout, {@code NA} for a missing
 * value). Inputs are PM2.5, PM10, SO2, NO2, CO, O3, TEMP, PRES and DEWP; the target is O3 (µg/m³)
 * one hour ahead. Chronological split: train 2013-03-01 to 2015-08-31, validation 2015-09-01 to
 * 2016-02-29, test 2016-03-01 to 2017-02-28 (a whole year, every season).
 */
public final class AirQualityLoader {

  /** The bundled resource. */
  public static final String RESOURCE = "/data/PRSA_Data_Aotizhongxin_20130301-20170228.csv";
  /** The input channels, in feature order. */
  public static final List<String> CHANNELS =
      List.of("PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "TEMP", "PRES", "DEWP");
  /** The forecast channel. */
  public static final String TARGET = "O3";
  /** Where the series is split. */
  public static final ChronologicalSplit SPLIT =
      new ChronologicalSplit(LocalDateTime.of(2015, 9, 1, 0, 0), LocalDateTime.of(2016, 3, 1, 0, 0));

  private AirQualityLoader() {}

  /** Loads the bundled file and windows it. */
  public static ForecastData load(int window) {
    String name = RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1);
    try (Reader reader = new InputStreamReader(
        Resources.getResource(AirQualityLoader.class, RESOURCE).openStream(), StandardCharsets.UTF_8)) {
      List<String> report = new ArrayList<>();
      TimeSeries series = parse(name, reader, report);
      return SPLIT.apply(Dataset.AIRQUALITY, series, window, CHANNELS.indexOf(TARGET), "µg/m³", report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses the file's rows; appends the missing-value counts to {@code report}. */
  public static TimeSeries parse(String source, Reader reader, List<String> report) {
    CsvTable table = CsvTable.read(source, reader);
    int[] time = {table.column("year"), table.column("month"), table.column("day"), table.column("hour")};
    int[] columns = CHANNELS.stream().mapToInt(table::column).toArray();
    int rows = table.rows().size();
    LocalDateTime[] times = new LocalDateTime[rows];
    double[][] values = new double[rows][columns.length];
    int[] missing = new int[columns.length];
    for (int r = 0; r < rows; r++) {
      CsvTable.Row row = table.rows().get(r);
      times[r] = timeOf(table, row, time);
      if (r > 0 && !times[r].isAfter(times[r - 1])) {
        throw table.error(row, time[0], "time " + times[r] + " is not after the previous row's " + times[r - 1]);
      }
      for (int c = 0; c < columns.length; c++) {
        values[r][c] = table.number(row, columns[c], "NA");
        if (Double.isNaN(values[r][c])) {
          missing[c]++;
        }
      }
    }
    StringBuilder line = new StringBuilder(String.format("%s: %d hourly rows; missing (NA) values:", source, rows));
    for (int c = 0; c < columns.length; c++) {
      line.append(' ').append(CHANNELS.get(c)).append('=').append(missing[c]);
    }
    report.add(line.toString());
    return new TimeSeries(CHANNELS, times, values, Duration.ofHours(1));
  }

  private static LocalDateTime timeOf(CsvTable table, CsvTable.Row row, int[] columns) {
    int[] parts = new int[4];
    for (int i = 0; i < 4; i++) {
      double v = table.number(row, columns[i], "");
      if (Double.isNaN(v) || v != Math.rint(v)) {
        throw table.error(row, columns[i], "column \"" + table.header().get(columns[i]) + "\": expected an integer");
      }
      parts[i] = (int) v;
    }
    try {
      return LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], 0);
    } catch (DateTimeException e) {
      throw table.error(row, columns[0], "invalid date and hour: " + e.getMessage());
    }
  }
}
