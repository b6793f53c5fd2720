package dev.silica.testbench.bench;

import com.google.common.collect.ImmutableList;
import dev.silica.testbench.Engine;
import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of a {@link SimBench} run: per engine its build (Silica: compile) and run times, the
 * digest Silica's simulator gave, and every disagreement of a tool with it. Rows are Silica, then
 * Verilator and Icarus, in that order, for those that ran.
 */
public record BenchReport(
    String design, long cycles, String digest, ImmutableList<Row> rows, ImmutableList<String> disagreements) {

  /** One engine's times. */
  public record Row(Engine engine, Duration build, Duration run) {

    /** Simulated cycles per second of run time, the build excluded. */
    public double cyclesPerSecond(long cycles) {
      return cycles / seconds(run);
    }
  }

  /** Whether every tool gave Silica's digest. */
  public boolean agreed() {
    return disagreements.isEmpty();
  }

  /** Silica's cycles per second over Verilator's, builds excluded. */
  public double silicaOverVerilator() {
    return seconds(row(Engine.VERILATOR).run()) / seconds(row(Engine.SILICA).run());
  }

  /** Silica's cycles per second over Icarus's, builds excluded. */
  public double silicaOverIcarus() {
    return seconds(row(Engine.ICARUS).run()) / seconds(row(Engine.SILICA).run());
  }

  /** End to end: Silica's compile and run against Verilator's build and run. */
  public double endToEndSilicaOverVerilator() {
    Row silica = row(Engine.SILICA);
    Row verilator = row(Engine.VERILATOR);
    return (seconds(verilator.build()) + seconds(verilator.run())) / (seconds(silica.build()) + seconds(silica.run()));
  }

  /** A table of the engines' times and speeds, one line per engine under a header. */
  public String table() {
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%s: %d cycles, %s (silica digest %s)%n", design, cycles,
        agreed() ? "all engines agree" : "engines DISAGREE", digest));
    t.append(String.format(Locale.ROOT, "%-10s %14s %12s %14s%n", "engine", "build/compile", "run", "cycles/s"));
    for (Row r : rows) {
      t.append(String.format(Locale.ROOT, "%-10s %12.3f s %10.3f s %,14.0f%n", r.engine().name().toLowerCase(Locale.ROOT),
          seconds(r.build()), seconds(r.run()), r.cyclesPerSecond(cycles)));
    }
    return t.toString();
  }

  /**
   * {@code speed: silica/verilator=R1 silica/icarus=R2 end-to-end-silica/verilator=R3}, ratios of
   * cycles per second; the ratios of a tool that did not run are left out.
   */
  public String speedLine() {
    StringBuilder line = new StringBuilder("speed:");
    if (ran(Engine.VERILATOR)) {
      line.append(String.format(Locale.ROOT, " silica/verilator=%.2f", silicaOverVerilator()));
    }
    if (ran(Engine.ICARUS)) {
      line.append(String.format(Locale.ROOT, " silica/icarus=%.2f", silicaOverIcarus()));
    }
    if (ran(Engine.VERILATOR)) {
      line.append(String.format(Locale.ROOT, " end-to-end-silica/verilator=%.2f", endToEndSilicaOverVerilator()));
    }
    return line.toString();
  }

  private boolean ran(Engine engine) {
    return rows.stream().anyMatch(r -> r.engine() == engine);
  }

  private Row row(Engine engine) {
    return rows.stream().filter(r -> r.engine() == engine).findFirst()
        .orElseThrow(() -> new IllegalStateException(engine + " did not run in this benchmark"));
  }

  private static double seconds(Duration d) {
    return Math.max(d.toNanos(), 1) / 1e9;
  }
}
