package dev.silica.transformer.data;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Loads the Beijing Multi-Site Air Quality file of the Aotizhongxin station (UCI layout, {@code NA}
 * for a missing value): hourly rows, forecast target {@code O3} one hour ahead from PM2.5, PM10,
 * SO2, NO2, CO, TEMP, PRES, DEWP and O3's own history. The chronological split is fixed: train
 * 2013-03-01 to 2015-08-31 (30 months), validation 2015-09-01 to 2016-02-29 (6 months), test
 * 2016-03-01 to 2017-02-28 (12 months).
 */
public final class AirQualityLoader {

  /** The bundled file, under {@code /data/} on the class path. */
  public static final String RESOURCE = "PRSA_Data_Aotizhongxin_20130301-20170228.csv";

  /** Input columns; the last is also the target. */
  public static final ImmutableList<String> FEATURES =
      ImmutableList.of("PM2.5", "PM10", "SO2", "NO2", "CO", "TEMP", "PRES", "DEWP", "O3");

  public static final ImmutableList<DateSpan> SPLIT = ImmutableList.of(
      new DateSpan("train", LocalDate.of(2013, 3, 1), LocalDate.of(2015, 8, 31)),
      new DateSpan("validation", LocalDate.of(2015, 9, 1), LocalDate.of(2016, 2, 29)),
      new DateSpan("test", LocalDate.of(2016, 3, 1), LocalDate.of(2017, 2, 28)));

  private AirQualityLoader() {}

  /** Reads the series (every listed feature, NaN where the file says {@code NA}). */
  public static TimeSeries series(String fileName, Reader reader) throws IOException {
    CsvFile csv = CsvFile.read(fileName, reader);
    int year = csv.column("year");
    int month = csv.column("month");
    int day = csv.column("day");
    int hour = csv.column("hour");
    int[] columns = FEATURES.stream().mapToInt(csv::column).toArray();
    int rows = csv.rows().size();
    LocalDateTime[] times = new LocalDateTime[rows];
    float[][] values = new float[rows][FEATURES.size()];
    for (int r = 0; r < rows; r++) {
      CsvFile.Row row = csv.rows().get(r);
      try {
        times[r] = LocalDateTime.of(row.integer(year, "year"), row.integer(month, "month"), row.integer(day, "day"),
            row.integer(hour, "hour"), 0);
      } catch (DateTimeException e) {
        throw row.error(year, "invalid date: " + e.getMessage());
      }
      if (r > 0 && !times[r].isAfter(times[r - 1])) {
        throw row.error(year, "timestamp " + times[r] + " is not after the previous row's " + times[r - 1]);
      }
      for (int f = 0; f < columns.length; f++) {
        values[r][f] = row.number(columns[f], FEATURES.get(f), "NA");
      }
    }
    return new TimeSeries(FEATURES, times, values, Duration.ofHours(1));
  }

  /** The forecasting windows of {@code window} hours. */
  public static ForecastData load(String fileName, Reader reader, int window) throws IOException {
    TimeSeries series = series(fileName, reader);
    DropReport report = new DropReport();
    for (int f = 0; f < FEATURES.size(); f++) {
      report.count("rows with " + FEATURES.get(f) + " missing (NA)", series.missing(f));
    }
    return Windowing.forecastData("airquality", series, FEATURES.size() - 1, "ug/m3", SPLIT, window, report);
  }
}
