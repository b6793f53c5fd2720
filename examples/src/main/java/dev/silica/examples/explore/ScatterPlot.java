package dev.silica.examples.explore;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A scatter plot of two minimized objectives as a standalone SVG document: one colour per series,
 * hollow markers for points marked so (designs that do not fit), the Pareto front drawn as the
 * staircase it dominates, each marker with a tooltip, linear axes with round ticks and a legend
 * (whose entry for hollow markers appears only when some marker is hollow).
 */
public final class ScatterPlot {

  /**
   * One marker.
   *
   * @param x its abscissa
   * @param y its ordinate
   * @param series the legend entry it belongs to (its colour)
   * @param hollow drawn as an outline only
   * @param onFront part of the Pareto front
   * @param tooltip shown on hover
   */
  public record Point(double x, double y, String series, boolean hollow, boolean onFront, String tooltip) {}

  private static final int WIDTH = 820;
  private static final int HEIGHT = 520;
  private static final int LEFT = 90;
  private static final int RIGHT = 200;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final int TICKS = 6;
  private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

  private ScatterPlot() {}

  /**
   * The SVG text of {@code points} under {@code title}, with axis labels {@code xLabel} and {@code
   * yLabel} and the meaning of hollow markers in {@code hollowMeaning}.
   */
  public static String svg(String title, String xLabel, String yLabel, String hollowMeaning, List<Point> points) {
    Preconditions.checkArgument(!points.isEmpty(), "nothing to plot");
    Axis x = Axis.of(points.stream().mapToDouble(Point::x).min().getAsDouble(),
        points.stream().mapToDouble(Point::x).max().getAsDouble(), LEFT, WIDTH - RIGHT);
    Axis y = Axis.of(points.stream().mapToDouble(Point::y).min().getAsDouble(),
        points.stream().mapToDouble(Point::y).max().getAsDouble(), HEIGHT - BOTTOM, TOP);
    List<String> series = new ArrayList<>(new TreeSet<>(points.stream().map(Point::series).toList()));
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"16\">%s</text>%n", LEFT, escape(title)));
    axes(svg, x, y, xLabel, yLabel);
    front(svg, x, y, points);
    for (Point p : points) {
      String colour = PALETTE[series.indexOf(p.series()) % PALETTE.length];
      svg.append(String.format(Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"><title>%s</title>"
              + "</circle>%n", x.pixel(p.x()), y.pixel(p.y()), p.onFront() ? 6 : 4, p.hollow() ? "none" : colour,
          colour, escape(p.tooltip())));
    }
    legend(svg, series, points.stream().anyMatch(Point::hollow) ? hollowMeaning : null);
    return svg.append("</svg>\n").toString();
  }

  private static void axes(StringBuilder svg, Axis x, Axis y, String xLabel, String yLabel) {
    int bottom = HEIGHT - BOTTOM;
    int right = WIDTH - RIGHT;
    svg.append(String.format(Locale.ROOT, "<g stroke=\"black\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>%n", LEFT, bottom, right, bottom, LEFT, bottom, LEFT, TOP));
    for (double t : x.ticks()) {
      double px = x.pixel(t);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, TOP, px, bottom, px, bottom + 18,
          x.label(t)));
    }
    for (double t : y.ticks()) {
      double py = y.pixel(t);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, py, right, py, LEFT - 6, py + 4,
          y.label(t)));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
        (LEFT + right) / 2, HEIGHT - 18, escape(xLabel)));
    svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 20 %d)\">"
        + "%s</text>%n", (TOP + bottom) / 2, (TOP + bottom) / 2, escape(yLabel)));
  }

  /** The front as a staircase: from each point across to the next one's x, then down to its y. */
  private static void front(StringBuilder svg, Axis x, Axis y, List<Point> points) {
    List<Point> front = points.stream().filter(Point::onFront)
        .sorted(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y)).toList();
    if (front.isEmpty()) {
      return;
    }
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < front.size(); i++) {
      Point p = front.get(i);
      if (i > 0) {
        path.append(String.format(Locale.ROOT, " %.1f,%.1f", x.pixel(p.x()), y.pixel(front.get(i - 1).y())));
      }
      path.append(String.format(Locale.ROOT, " %.1f,%.1f", x.pixel(p.x()), y.pixel(p.y())));
    }
    svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"black\""
        + " stroke-dasharray=\"4 3\"/>%n", path.toString().strip()));
  }

  /** The series' colours, then the meaning of hollow markers unless it is null, then the front's line. */
  private static void legend(StringBuilder svg, List<String> series, String hollowMeaning) {
    int left = WIDTH - RIGHT + 20;
    int row = TOP + 10;
    for (int i = 0; i < series.size(); i++, row += 20) {
      String colour = PALETTE[i % PALETTE.length];
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>%n", left, row, colour, left + 12, row + 4, escape(series.get(i))));
    }
    if (hollowMeaning != null) {
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"none\" stroke=\"gray\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>%n", left, row, left + 12, row + 4, escape(hollowMeaning)));
      row += 20;
    }
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\""
        + " stroke-dasharray=\"4 3\"/><text x=\"%d\" y=\"%d\">Pareto front</text>%n", left - 6, row, left + 6, row,
        left + 12, row + 4));
  }

  /** Text with XML's special characters escaped. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A linear axis from round numbers around the data to a pixel range. */
  private record Axis(double low, double high, double step, double pixelLow, double pixelHigh) {

    static Axis of(double min, double max, double pixelLow, double pixelHigh) {
      double span = max > min ? max - min : Math.max(Math.abs(max), 1);
      double step = roundStep(span / TICKS);
      double low = Math.floor(min / step) * step;
      double high = Math.ceil(max / step) * step;
      if (high <= low) {
        high = low + step;
      }
      return new Axis(low, high, step, pixelLow, pixelHigh);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    private static double roundStep(double raw) {
      double decade = Math.pow(10, Math.floor(Math.log10(raw)));
      for (double m : new double[] {1, 2, 5}) {
        if (m * decade >= raw) {
          return m * decade;
        }
      }
      return 10 * decade;
    }

    double pixel(double value) {
      return pixelLow + (value - low) / (high - low) * (pixelHigh - pixelLow);
    }

    List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      long count = Math.round((high - low) / step);
      for (long i = 0; i <= count; i++) {
        ticks.add(low + i * step);
      }
      return ticks;
    }

    String label(double value) {
      int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
      return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
  }
}
