package dev.silica.transformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoaderTest {

  private static final String AIR_HEADER =
      "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\"CO\",\"O3\",\"TEMP\",\"PRES\","
          + "\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"\n";

  private static String airRow(int no, int hour, String o3) {
    return no + ",2013,3,1," + hour + ",4,4,4,7,300," + o3 + ",-0.7,1023,-18.8,0,\"NNW\",4.4,\"Aotizhongxin\"\n";
  }

  @Test
  void airQualityRowsBecomeNineChannelsWithNaNForMissing() {
    List<String> report = new ArrayList<>();
    TimeSeries series = AirQualityLoader.parse("air.csv",
        new StringReader(AIR_HEADER + airRow(1, 0, "77") + airRow(2, 1, "NA")), report);
    assertEquals(9, series.channels().size());
    assertEquals(77, series.value(0, AirQualityLoader.CHANNELS.indexOf("O3")));
    assertTrue(Double.isNaN(series.value(1, AirQualityLoader.CHANNELS.indexOf("O3"))));
    assertEquals(LocalDateTime.of(2013, 3, 1, 1, 0), series.time(1));
    assertTrue(report.get(0).contains("O3=1"), report.get(0));
  }

  @Test
  void aMalformedAirQualityValueNamesFileLineAndColumn() {
    String bad = "3,2013,3,1,2,4,4,4,7,300,7x7,-0.7,1023,-18.8,0,\"NNW\",4.4,\"Aotizhongxin\"\n";
    DataFormatException e = assertThrows(DataFormatException.class, () -> AirQualityLoader.parse("air.csv",
        new StringReader(AIR_HEADER + airRow(1, 0, "77") + airRow(2, 1, "70") + bad), new ArrayList<>()));
    assertEquals("air.csv:4:26: column \"O3\": \"7x7\" is not a number", e.getMessage());
  }

  @Test
  void anInvalidDateIsRejectedAtTheYearColumn() {
    String bad = "1,2013,2,30,0,4,4,4,7,300,77,-0.7,1023,-18.8,0,\"NNW\",4.4,\"Aotizhongxin\"\n";
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> AirQualityLoader.parse("air.csv", new StringReader(AIR_HEADER + bad), new ArrayList<>()));
    assertEquals(2, e.line());
    assertEquals(3, e.column());
  }

  @Test
  void trafficRowsNotObservedCountAsMissingAndRunsAreCounted() {
    String csv = "timestamp,flow_veh_per_5min,lane_points,pct_observed,source_split\n"
        + "2016-01-04 00:00,12,1,100,train\n"
        + "2016-01-04 00:05,13,1,0,train\n"
        + "2016-01-05 00:00,14,1,100,train\n";
    List<String> report = new ArrayList<>();
    TimeSeries series = TrafficLoader.parse("flow.csv", new StringReader(csv), report);
    assertTrue(Double.isNaN(series.value(1, 0)));
    assertEquals("flow.csv: 3 rows in 2 contiguous 5-minute runs; 1 rows with pct_observed = 0 treated as missing",
        report.get(0));
  }

  @Test
  void aMalformedTimestampNamesFileLineAndColumn() {
    String csv = "timestamp,flow_veh_per_5min,lane_points,pct_observed,source_split\n"
        + "2016-01-04 0:00,12,1,100,train\n";
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> TrafficLoader.parse("flow.csv", new StringReader(csv), new ArrayList<>()));
    assertTrue(e.getMessage().startsWith("flow.csv:2:1: column \"timestamp\""), e.getMessage());
  }

  @Test
  void windowsNeverCrossAGapOrContainAMissingValue() {
    LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 0, 0);
    LocalDateTime[] times = new LocalDateTime[8];
    double[][] values = new double[8][1];
    for (int i = 0; i < 8; i++) {
      times[i] = t0.plusHours(i < 5 ? i : i + 10);
      values[i][0] = i;
    }
    values[1][0] = Double.NaN;
    TimeSeries series = new TimeSeries(List.of("x"), times, values, java.time.Duration.ofHours(1));
    Standardization identity = new Standardization(new double[] {0}, new double[] {1});
    Windowing.Result result = Windowing.cut(series, 0, 8, 2, 0, identity);
    // candidates: windows starting at rows 0..5; row 1 missing kills starts 0 and 1;
    // starts 3 and 4 reach across the gap between rows 4 and 5.
    assertEquals(6, result.candidates());
    assertEquals(2, result.droppedForMissing());
    assertEquals(2, result.droppedForGap());
    assertEquals(2, result.windows().count());
    assertEquals(2, result.windows().input(0, 0, 0));
    assertEquals(4, result.windows().target(0));
    assertEquals(5, result.windows().input(1, 0, 0));
    assertEquals(7, result.windows().target(1));
  }

  @Test
  void bundledAirQualitySplitsChronologicallyWithTrainingOnlyScaling() {
    ForecastData data = Dataset.AIRQUALITY.load(6);
    assertTrue(data.train().count() > 10_000 && data.validation().count() > 1_000 && data.test().count() > 4_000);
    assertEquals(4, data.report().size());
    assertTrue(data.report().get(3).startsWith("test 2016-03-01T00:00 .. 2017-02-28T23:00"), data.report().get(3));
    double mean = 0;
    for (int i = 0; i < data.train().count(); i++) {
      mean += data.train().target(i);
    }
    mean /= data.train().count();
    assertTrue(Math.abs(mean) < 0.1, "training targets are centred by the training-only scaling, mean " + mean);
  }
}
