package dev.silica.transformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The loaders' contract: complete gap-free windows, a training-only scaling, located errors. */
class LoadersTest {

  private static final String AIR_HEADER =
      "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\"CO\",\"O3\",\"TEMP\",\"PRES\","
          + "\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"\n";

  private static String airRow(int no, int year, int month, int day, int hour, String o3) {
    return no + "," + year + "," + month + "," + day + "," + hour + ",4,4,4,7,300," + o3
        + ",-0.7,1023,-18.8,0,\"NNW\",4.4,\"Aotizhongxin\"\n";
  }

  @Test
  void airQualityWindowsSkipEveryMissingValueAndSplitAtTheStatedDates() throws IOException {
    StringBuilder csv = new StringBuilder(AIR_HEADER);
    int no = 1;
    for (int h = 0; h < 6; h++) {
      csv.append(airRow(no++, 2015, 8, 31, 18 + h, h == 2 ? "NA" : String.valueOf(10 * h)));
    }
    for (int h = 0; h < 4; h++) {
      csv.append(airRow(no++, 2015, 9, 1, h, String.valueOf(h)));
    }
    for (int h = 0; h < 3; h++) {
      csv.append(airRow(no++, 2016, 3, 1, h, String.valueOf(h)));
    }
    ForecastData data = AirQualityLoader.load("air.csv", new StringReader(csv.toString()), 2);
    // train rows 18..23 with 20:00 missing: windows ending at 23 only (21,22 -> 23)
    assertEquals(1, data.train().size());
    assertEquals(2, data.validation().size());
    assertEquals(1, data.test().size());
    assertEquals(1, data.dropped().get("rows with O3 missing (NA)"));
    assertEquals(3, data.dropped().get(Windowing.MISSING_VALUE));
    assertTrue(data.dropped().get(Windowing.CROSSES_GAP) >= 2);
    assertEquals(2, data.dropped().get(Windowing.OUTSIDE_SPLIT));
    assertEquals(9, data.train().features());
  }

  @Test
  void scalingIsFittedOnTheTrainingPeriodOnly() throws IOException {
    StringBuilder csv = new StringBuilder(AIR_HEADER);
    int no = 1;
    for (int h = 0; h < 4; h++) {
      csv.append(airRow(no++, 2014, 1, 1, h, String.valueOf(10 + 2 * h)));
    }
    for (int h = 0; h < 3; h++) {
      csv.append(airRow(no++, 2015, 10, 1, h, "1000"));
    }
    for (int h = 0; h < 3; h++) {
      csv.append(airRow(no++, 2016, 10, 1, h, "5000"));
    }
    ForecastData data = AirQualityLoader.load("air.csv", new StringReader(csv.toString()), 1);
    double mean = 13;
    double std = Math.sqrt((9 + 1 + 1 + 9) / 4.0);
    assertEquals(mean, data.scaling().mean()[8], 1e-5);
    assertEquals(std, data.targetStd(), 1e-5);
    assertEquals(1000, data.toUnits(data.validation().targets()[0]), 1e-2);
    assertEquals(5000, data.toUnits(data.test().targets()[0]), 1e-2);
  }

  @Test
  void trafficWindowsNeverCrossAGapInTheTimestamps() throws IOException {
    String csv = "timestamp,flow_veh_per_5min,lane_points,pct_observed,source_split\n"
        + "2016-01-04 00:00,1,1,100,train\n"
        + "2016-01-04 00:05,2,1,100,train\n"
        + "2016-01-04 00:10,3,1,100,train\n"
        + "2016-01-04 00:20,4,1,100,train\n"
        + "2016-01-04 00:25,5,1,100,train\n"
        + "2016-02-17 00:00,6,1,100,train\n"
        + "2016-02-17 00:05,7,1,100,train\n"
        + "2016-03-04 00:00,8,1,100,test\n"
        + "2016-03-04 00:05,9,1,100,test\n";
    ForecastData data = TrafficLoader.load("flow.csv", new StringReader(csv), 1);
    assertEquals(3, data.train().size());
    assertEquals(1, data.validation().size());
    assertEquals(1, data.test().size());
    assertEquals(3, data.dropped().get(Windowing.CROSSES_GAP));
    assertEquals(9, data.toUnits(data.test().targets()[0]), 1e-4);
    assertEquals(8, data.toUnits(data.test().inputs()[0]), 1e-4);
  }

  @Test
  void aMalformedNumberIsReportedWithFileLineAndColumn() {
    String csv = "timestamp,flow_veh_per_5min,lane_points,pct_observed,source_split\n"
        + "2016-01-04 00:00,1,1,100,train\n"
        + "2016-01-04 00:05,x2,1,100,train\n";
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> TrafficLoader.load("flow.csv", new StringReader(csv), 1));
    assertEquals("flow.csv:3:18: flow_veh_per_5min must be a number or empty, got \"x2\"", e.getMessage());
  }

  @Test
  void aRowWithTooFewFieldsOrABadDateIsLocated() {
    String shortRow = AIR_HEADER + "1,2013,3,1,0,4,4\n";
    MalformedDataException fields = assertThrows(MalformedDataException.class,
        () -> AirQualityLoader.load("air.csv", new StringReader(shortRow), 1));
    assertEquals(2, fields.line());
    assertTrue(fields.getMessage().contains("expected 18 fields"), fields.getMessage());
    String badDate = AIR_HEADER + airRow(1, 2013, 2, 30, 0, "1");
    MalformedDataException date = assertThrows(MalformedDataException.class,
        () -> AirQualityLoader.load("air.csv", new StringReader(badDate), 1));
    assertTrue(date.getMessage().startsWith("air.csv:2:3: invalid date"), date.getMessage());
  }

  @Test
  void timestampsMustIncrease() {
    String csv = "timestamp,flow_veh_per_5min,lane_points,pct_observed,source_split\n"
        + "2016-01-04 00:05,1,1,100,train\n"
        + "2016-01-04 00:00,1,1,100,train\n";
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> TrafficLoader.load("flow.csv", new StringReader(csv), 1));
    assertEquals("flow.csv:3:1: timestamp 2016-01-04T00:00 is not after the previous row's 2016-01-04T00:05",
        e.getMessage());
  }

  @Test
  void theBundledFilesLoadWithTheDocumentedShape() {
    ForecastData air = Datasets.AIRQUALITY.load(12);
    assertEquals(1719, air.dropped().get("rows with O3 missing (NA)"));
    int candidates = 35064 - 12;
    int kept = air.train().size() + air.validation().size() + air.test().size();
    int dropped = air.dropped().get(Windowing.MISSING_VALUE) + air.dropped().get(Windowing.OUTSIDE_SPLIT);
    assertEquals(candidates, kept + dropped);
    assertFalse(air.summary().isEmpty());
    ForecastData traffic = Datasets.TRAFFIC.load(12);
    int trafficKept = traffic.train().size() + traffic.validation().size() + traffic.test().size();
    assertEquals(12096 - 12, trafficKept + traffic.dropped().get(Windowing.CROSSES_GAP)
        + traffic.dropped().get(Windowing.OUTSIDE_SPLIT));
    // 17 contiguous runs: each run of L rows gives L - 12 windows; 16 gaps each kill 12 windows
    assertEquals(16 * 12, traffic.dropped().get(Windowing.CROSSES_GAP));
  }
}
