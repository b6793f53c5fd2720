package dev.silica.examples.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress bar on a terminal stream, redrawn at most five times a second: {@code
 * [#######.............] 2,900/5,800 windows 12 s}. Safe to update from several threads.
 */
final class ProgressBar {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final PrintStream out;
  private final int total;
  private final String unit;
  private final long started = System.nanoTime();
  private long lastDrawn;

  ProgressBar(PrintStream out, int total, String unit) {
    this.out = out;
    this.total = total;
    this.unit = unit;
  }

  /** Shows {@code done} of the total; the last one always draws. */
  synchronized void update(int done) {
    long now = System.nanoTime();
    if (done < total && now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    int filled = (int) ((long) WIDTH * done / total);
    out.printf("\r[%s%s] %,d/%,d %s %d s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, unit,
        TimeUnit.NANOSECONDS.toSeconds(now - started));
    if (done == total) {
      out.println();
    }
    out.flush();
  }
}
