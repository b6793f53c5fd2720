package dev.silica.testbench;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Port;
import java.math.BigInteger;

/**
 * Runs the trace contract on an engine: for cycle {@code i} it applies stimulus row {@code i},
 * lets the combinational logic settle, records every output into row {@code i} of the output
 * trace (columns: the output ports in order), then clocks once.
 */
public final class TraceRunner {

  /** The implicit synchronous reset input of designs with state. */
  public static final String RESET = "rst";

  private TraceRunner() {}

  /**
   * The output trace of {@code engine} driven by {@code stimulus}, which must already match the
   * engine's inputs (see {@link Stimulus#check}).
   */
  public static Trace run(SimEngine engine, Trace stimulus) {
    ImmutableList<String> inputs = stimulus.columns();
    ImmutableList<String> outputs = engine.outputs().stream().map(Port::name).collect(ImmutableList.toImmutableList());
    ImmutableList.Builder<ImmutableList<BigInteger>> rows = ImmutableList.builderWithExpectedSize(stimulus.cycles());
    for (ImmutableList<BigInteger> row : stimulus.rows()) {
      for (int c = 0; c < inputs.size(); c++) {
        engine.poke(inputs.get(c), row.get(c));
      }
      ImmutableList.Builder<BigInteger> out = ImmutableList.builderWithExpectedSize(outputs.size());
      for (String o : outputs) {
        out.add(engine.peek(o));
      }
      rows.add(out.build());
      engine.step();
    }
    return new Trace(outputs, rows.build());
  }
}
