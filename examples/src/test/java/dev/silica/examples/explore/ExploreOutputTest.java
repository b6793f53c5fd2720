package dev.silica.examples.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Memory;
import dev.silica.synth.Device;
import dev.silica.synth.Resource;
import dev.silica.synth.ResourceTable;
import dev.silica.transformer.blocks.MultiplierKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The exploration's CSV and SVG files: well-formed, one entry per point, every field where it belongs. */
class ExploreOutputTest {

  private static ResourceTable table(String source, int lut, int dsp) {
    return new ResourceTable(source, Device.XC7S15, ImmutableMap.of(Resource.LUT, lut, Resource.FF, 2 * lut,
        Resource.DSP48E1, dsp, Resource.RAMB18, 3), Optional.empty());
  }

  private static DesignPoint point(int bits, int rows) {
    return new DesignPoint(bits, 12, 32, rows, 4, MultiplierKind.DSP, Memory.Style.BLOCK);
  }

  private static final PointResult SMALL = new PointResult(point(4, 3), "air-12-32-4", Optional.empty(),
      table("estimate", 4000, 8), Optional.of(table("Yosys 0.23", 4100, 8)), Optional.empty(), 25_000, 812.5, OptionalDouble.of(11.25));
  private static final PointResult LARGE = new PointResult(point(8, 12), "untrained (seed 1, airquality ranges)",
      Optional.empty(), table("estimate", 9000, 10), Optional.empty(), Optional.empty(), 10_000, 900,
      OptionalDouble.empty()).withYosysFailure("yosys did not finish within 600 s, twice");
  private static final PointResult INVALID = PointResult.invalid(point(8, 5), "untrained (seed 1, airquality ranges)",
      "array rows 5 do not divide the window 12", 3);

  /** RFC 4180 fields of one line (no line breaks inside fields here). */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static String column(List<String> row, String name) {
    return row.get(PointsCsv.COLUMNS.indexOf(name));
  }

  @Test
  void theCsvHasOneRowPerPointWithEveryColumnAndQuotesFieldsHoldingCommas() {
    String csv = PointsCsv.render(List.of(SMALL, LARGE, INVALID), Set.of(SMALL.point(), LARGE.point()),
        Set.of(SMALL.point()), 100);
    List<String> lines = csv.lines().toList();
    assertEquals(String.join(",", PointsCsv.COLUMNS), lines.get(0));
    assertEquals(4, lines.size());
    List<List<String>> rows = lines.stream().skip(1).map(ExploreOutputTest::fields).toList();
    rows.forEach(r -> assertEquals(PointsCsv.COLUMNS.size(), r.size(), r.toString()));

    List<String> small = rows.get(0);
    assertEquals("4", column(small, "bits"));
    assertEquals("dsp", column(small, "multiplier"));
    assertEquals("4000", column(small, "lut_est"));
    assertEquals("4100", column(small, "lut_yosys"));
    assertEquals("ok", column(small, "yosys_status"));
    assertEquals("1.5", column(small, "bram_est"));
    assertEquals("yes", column(small, "fits"));
    assertEquals("250.000", column(small, "latency_us"));
    assertEquals("11.2500", column(small, "rmse"));
    assertEquals("1", column(small, "pareto_latency_lut"));
    assertEquals("1", column(small, "pareto_rmse_latency"));

    List<String> large = rows.get(1);
    assertEquals("untrained (seed 1, airquality ranges)", column(large, "model"));
    assertEquals("", column(large, "lut_yosys"));
    assertEquals("failed: yosys did not finish within 600 s, twice", column(large, "yosys_status"));
    assertEquals("no", column(large, "fits"), "9,000 LUTs exceed the XC7S15's 8,000");
    assertEquals("", column(large, "rmse"));
    assertEquals("", column(large, "pareto_rmse_latency"));

    List<String> invalid = rows.get(2);
    assertEquals("invalid: array rows 5 do not divide the window 12", column(invalid, "status"));
    assertEquals("", column(invalid, "cycles"));
    assertEquals("", column(invalid, "fits"));
    assertEquals("", column(invalid, "yosys_status"));
    assertTrue(lines.get(3).contains("\"untrained (seed 1, airquality ranges)\""), lines.get(3));
  }

  @Test
  void thePlotIsWellFormedSvgWithOneMarkerPerPointAndTheFrontAsAStaircase() throws Exception {
    List<ScatterPlot.Point> points = List.of(
        new ScatterPlot.Point(3000, 400, "4 bits", false, true, "slow & small <3x4>"),
        new ScatterPlot.Point(5000, 200, "4 bits", false, true, "middle"),
        new ScatterPlot.Point(6000, 250, "8 bits", false, false, "dominated"),
        new ScatterPlot.Point(9000, 100, "8 bits", true, true, "fast, does not fit"));
    String svg = ScatterPlot.svg("latency \"vs\" LUT", "LUT", "latency (us)", "does not fit", points);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    Element root = document.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());

    NodeList circles = document.getElementsByTagName("circle");
    List<String> tooltips = new ArrayList<>();
    int hollow = 0;
    for (int i = 0; i < circles.getLength(); i++) {
      Element circle = (Element) circles.item(i);
      NodeList titles = circle.getElementsByTagName("title");
      if (titles.getLength() == 1) {
        tooltips.add(titles.item(0).getTextContent());
        hollow += circle.getAttribute("fill").equals("none") ? 1 : 0;
      }
    }
    assertEquals(List.of("slow & small <3x4>", "middle", "dominated", "fast, does not fit"), tooltips);
    assertEquals(1, hollow);

    NodeList polylines = document.getElementsByTagName("polyline");
    assertEquals(1, polylines.getLength());
    String[] vertices = ((Element) polylines.item(0)).getAttribute("points").trim().split("\\s+");
    assertEquals(2 * 3 - 1, vertices.length, "three front points joined by horizontal and vertical steps");
  }
}
