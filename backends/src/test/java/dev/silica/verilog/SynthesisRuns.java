package dev.silica.verilog;

import dev.silica.synth.YosysSynth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Yosys runs of the generator cases, made once per test JVM and shared by the tests that read them. */
public final class SynthesisRuns {

  private static final ConcurrentMap<String, YosysSynth.Report> RUNS = new ConcurrentHashMap<>();

  private SynthesisRuns() {}

  /** The synthesis report of {@code c}; needs Yosys (call {@link Tools#require} first). */
  public static YosysSynth.Report of(GeneratorCases.Case c) {
    return RUNS.computeIfAbsent(
        c.toString(),
        key -> {
          try {
            return YosysSynth.find().orElseThrow().synthesize(c.design());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
