package dev.silica.testbench;

import dev.silica.ir.Design;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code silica sim NAME|FILE.sir (--stimulus IN.csv | --seed S --cycles N) [--trace OUT.csv]
 * [--vcd OUT.vcd]} does once the design is elaborated or parsed: drives it on Silica's simulator
 * under the trace contract ({@link TraceRunner}), writes the output trace and a VCD of every signal
 * when asked, and returns the output trace.
 *
 * @param design the design to simulate
 * @param stimulus where the inputs come from
 * @param traceFile where to write the output trace (CSV), if anywhere
 * @param vcdFile where to dump every signal of every cycle run, if anywhere
 */
public record SimulationRun(Design design, Input stimulus, Optional<Path> traceFile, Optional<Path> vcdFile) {

  /** The inputs of a run: a stimulus CSV, or uniform random values. */
  public sealed interface Input permits FromFile, Random {}

  /** Rows of a stimulus CSV ({@code --stimulus IN.csv}), one per cycle. */
  public record FromFile(Path csv) implements Input {}

  /**
   * {@code cycles} rows of uniform random inputs from {@code seed}, {@code rst} high in cycle 0
   * ({@code --seed S --cycles N}).
   */
  public record Random(long seed, int cycles) implements Input {
    public Random {
      if (cycles < 0) {
        throw new IllegalArgumentException("the number of cycles must not be negative: " + cycles);
      }
    }
  }

  /**
   * Runs the simulation and writes the requested files.
   *
   * @return the output trace: one row per cycle, one column per output port
   * @throws TraceFormatException for a stimulus file that is malformed or does not fit the design,
   *     naming the file, line and column
   * @throws dev.silica.ir.DesignError for a design the simulator cannot run
   * @throws IOException when a file cannot be read or written
   */
  public Trace run() throws IOException {
    try (SilicaEngine engine = new SilicaEngine(design)) {
      Trace inputs = inputsFor(engine);
      vcdFile.ifPresent(file -> engine.simulator().dumpVcd(file));
      Trace outputs = TraceRunner.run(engine, inputs);
      if (traceFile.isPresent()) {
        outputs.write(traceFile.get());
      }
      return outputs;
    }
  }

  private Trace inputsFor(SimEngine engine) throws IOException {
    if (stimulus instanceof FromFile file) {
      Trace trace = Trace.read(file.csv());
      Stimulus.check(trace, engine.inputs(), file.csv().toString());
      return trace;
    }
    Random random = (Random) stimulus;
    return Stimulus.random(engine.inputs(), random.cycles(), random.seed());
  }
}
