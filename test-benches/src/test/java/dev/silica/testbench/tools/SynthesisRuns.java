package dev.silica.testbench.tools;

import dev.silica.synth.YosysSynth;
import dev.silica.verilog.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Yosys runs of the generator cases, made once per test JVM and shared by the tests that read them. */
public final class SynthesisRuns {

  private static final ConcurrentMap<String, YosysSynth.Report> RUNS = new ConcurrentHashMap<>();

  private SynthesisRuns() {}

  /** The synthesis report of {@code c}; the calling test is skipped (or fails) without Yosys. */
  public static YosysSynth.Report of(GeneratorCases.Case c) {
    Tools.require("yosys");
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
