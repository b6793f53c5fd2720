package dev.silica.examples.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Memory;
import dev.silica.power.EnergyEstimate;
import dev.silica.power.EnergyEstimate.Part;
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
import java.util.EnumMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The exploration's CSV, fronts, summary and SVG files: well-formed, one entry per point, every field
 * where it belongs, energy only where it was simulated.
 */
class ExploreOutputTest {

  private static ResourceTable table(String source, int lut, int dsp) {
    return new ResourceTable(source, Device.XC7S15, ImmutableMap.of(Resource.LUT, lut, Resource.FF, 2 * lut,
        Resource.DSP48E1, dsp, Resource.RAMB18, 3), Optional.empty());
  }

  private static DesignPoint point(int bits, int rows) {
    return new DesignPoint(bits, 12, 32, rows, 4, MultiplierKind.DSP, Memory.Style.BLOCK);
  }

  /** An energy of {@code millijoules} per inference, 60 % of it dynamic, measured over {@code windows} windows. */
  private static PointEnergy energy(double millijoules, int windows, int agreeing) {
    Map<Part, Double> joules = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      joules.put(part, 0.0);
    }
    joules.put(Part.LOGIC, 0.6e-3 * millijoules);
    joules.put(Part.STATIC, 0.4e-3 * millijoules);
    return new PointEnergy(new EnergyEstimate(ImmutableMap.copyOf(joules), 25_000, 250e-6, 0), windows, agreeing);
  }

  /** A valid point of {@code bits} and {@code rows} that fits, with {@code lut} LUTs, cycles, RMSE and energy. */
  private static PointResult fitting(int bits, int rows, int lut, long cycles, double rmse, double millijoules) {
    return new PointResult(point(bits, rows), bits + "-bit model", Optional.empty(), table("estimate", lut, 8),
        Optional.empty(), Optional.empty(), cycles, 500, OptionalDouble.of(rmse), Optional.empty())
        .withEnergy(energy(millijoules, 1, 1));
  }

  private static final PointResult SMALL = new PointResult(point(4, 3), "air-12-32-4", Optional.empty(),
      table("estimate", 4000, 8), Optional.of(table("Yosys 0.23", 4100, 8)), Optional.empty(), 25_000, 812.5,
      OptionalDouble.of(11.25), Optional.empty()).withEnergy(energy(0.0079812, 2, 2));
  private static final PointResult LARGE = new PointResult(point(8, 12), "untrained (seed 1, airquality ranges)",
      Optional.empty(), table("estimate", 9000, 10), Optional.empty(), Optional.empty(), 10_000, 900,
      OptionalDouble.empty(), Optional.empty()).withYosysFailure("yosys did not finish within 600 s, twice");
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
    String csv = PointsCsv.render(List.of(SMALL, LARGE, INVALID), ExploreFronts.of(List.of(SMALL, LARGE, INVALID)),
        100);
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
    assertEquals("0.00798", column(small, "energy_mj"));
    assertEquals("2/2", column(small, "energy_exact"));
    assertEquals("1", column(small, "pareto_latency_lut"));
    assertEquals("1", column(small, "pareto_rmse_latency"));
    assertEquals("1", column(small, "pareto_energy_rmse"));

    List<String> large = rows.get(1);
    assertEquals("untrained (seed 1, airquality ranges)", column(large, "model"));
    assertEquals("", column(large, "lut_yosys"));
    assertEquals("failed: yosys did not finish within 600 s, twice", column(large, "yosys_status"));
    assertEquals("no", column(large, "fits"), "9,000 LUTs exceed the XC7S15's 8,000");
    assertEquals("", column(large, "rmse"));
    assertEquals("", column(large, "energy_mj"), "a point that does not fit is not simulated: no energy, not zero");
    assertEquals("", column(large, "energy_exact"));
    assertEquals("0", column(large, "pareto_latency_lut"), "only fitting points make the fronts");
    assertEquals("", column(large, "pareto_rmse_latency"));
    assertEquals("", column(large, "pareto_energy_rmse"));

    List<String> invalid = rows.get(2);
    assertEquals("invalid: array rows 5 do not divide the window 12", column(invalid, "status"));
    assertEquals("", column(invalid, "cycles"));
    assertEquals("", column(invalid, "fits"));
    assertEquals("", column(invalid, "yosys_status"));
    assertEquals("", column(invalid, "energy_mj"));
    assertTrue(lines.get(3).contains("\"untrained (seed 1, airquality ranges)\""), lines.get(3));
  }

  @Test
  void theEnergyFrontHoldsTheNonDominatedFittingPointsWithEnergyAndRmse() {
    PointResult cheapCoarse = fitting(4, 3, 3000, 25_000, 18.0, 0.006);
    PointResult dearFine = fitting(8, 3, 5000, 24_000, 12.0, 0.009);
    PointResult dominated = fitting(6, 3, 4000, 25_000, 19.0, 0.010);
    PointResult tiedEnergyWorseRmse = fitting(6, 6, 4500, 15_000, 18.5, 0.006);
    PointResult noEnergy = new PointResult(point(6, 12), "6-bit model", Optional.empty(), table("estimate", 7000, 8),
        Optional.empty(), Optional.empty(), 9_000, 500, OptionalDouble.of(1.0), Optional.empty());
    List<PointResult> results = List.of(cheapCoarse, dearFine, dominated, tiedEnergyWorseRmse, noEnergy, LARGE,
        INVALID);

    ExploreFronts fronts = ExploreFronts.of(results);
    assertEquals(List.of(cheapCoarse, dearFine), fronts.energyRmse(), "ordered by energy");
    List<PointResult> candidates = results.stream().filter(r -> r.valid() && r.fits() && r.energy().isPresent()
        && r.rmse().isPresent()).toList();
    for (PointResult onFront : fronts.energyRmse()) {
      assertTrue(candidates.stream().noneMatch(q -> q.millijoules() <= onFront.millijoules()
          && q.rmse().getAsDouble() <= onFront.rmse().getAsDouble() && (q.millijoules() < onFront.millijoules()
          || q.rmse().getAsDouble() < onFront.rmse().getAsDouble())), onFront.point().label() + " is dominated");
    }
    for (PointResult off : candidates.stream().filter(r -> !fronts.energyRmse().contains(r)).toList()) {
      assertTrue(fronts.energyRmse().stream().anyMatch(q -> q.millijoules() <= off.millijoules()
          && q.rmse().getAsDouble() <= off.rmse().getAsDouble()), off.point().label() + " should be on the front");
    }
    assertTrue(fronts.rmseLatency().contains(noEnergy), "a point without energy still makes the RMSE front");
  }

  @Test
  void theSummaryGivesTheEnergyRangeTheEnergyFrontAndWhereFewerBitsDidNotLowerEnergy() {
    PointResult four = fitting(4, 3, 3000, 25_000, 18.0, 0.009);
    PointResult six = fitting(6, 3, 3500, 25_000, 15.0, 0.008);
    PointResult eight = fitting(8, 3, 4000, 24_000, 12.0, 0.0095);
    List<PointResult> results = List.of(four, six, eight, LARGE, INVALID);
    List<String> lines = ExploreSummary.lines(results, ExploreFronts.of(results), 100);

    assertTrue(lines.contains("energy per inference (as silica energy) simulated for 3 of 3 fitting points: 0.00800 to"
        + " 0.00950 mJ, median 0.00900; 3 of 3 simulated inferences bit-exact"), String.join("\n", lines));
    int front = lines.indexOf("Pareto front of the points that fit, energy vs RMSE (2 points):");
    assertTrue(front > 0, String.join("\n", lines));
    assertTrue(lines.get(front + 1).startsWith("  6b w12 d32 3x4 dsp block"), lines.get(front + 1));
    assertTrue(lines.get(front + 1).endsWith("0.00800 mJ  rmse 15.0000"), lines.get(front + 1));
    assertTrue(lines.get(front + 2).startsWith("  8b w12 d32 3x4 dsp block"), lines.get(front + 2));
    int energy = lines.indexOf("fewer bits did not lower energy in 1 of 2 comparisons (same shape, neighbouring"
        + " widths), e.g.");
    assertTrue(energy > 0, String.join("\n", lines));
    assertEquals("  w12 d32 3x4 dsp block: 0.00900 mJ at 4 bits, 0.00800 mJ at 6 bits", lines.get(energy + 1));
    assertTrue(lines.contains("fewer bits did not lower latency in 2 of 2 comparisons (same shape, neighbouring"
        + " widths), e.g."), String.join("\n", lines));
  }

  @Test
  void withoutSimulationTheSummarySaysSoAndComparesNoEnergy() {
    PointResult unmeasured = new PointResult(point(4, 3), "4-bit model", Optional.empty(), table("estimate", 3000, 8),
        Optional.empty(), Optional.empty(), 25_000, 500, OptionalDouble.empty(), Optional.empty());
    List<String> lines = ExploreSummary.lines(List.of(unmeasured), ExploreFronts.of(List.of(unmeasured)), 100);
    assertTrue(lines.contains("energy per inference: not simulated (1 fitting point)"), String.join("\n", lines));
    assertTrue(lines.stream().noneMatch(l -> l.contains("energy vs RMSE") || l.contains("lower energy")),
        String.join("\n", lines));
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
