package dev.silica.testbench;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Port;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Input traces for the trace contract: random ones ({@code --seed S}) and the check that a trace
 * read from a file drives exactly a design's inputs with values that fit them.
 */
public final class Stimulus {

  private Stimulus() {}

  /**
   * {@code cycles} rows of uniformly random values for every input, except {@code rst}, which is
   * high in cycle 0 and low afterwards. The same seed gives the same trace.
   */
  public static Trace random(List<Port> inputs, int cycles, long seed) {
    Random random = new Random(seed);
    ImmutableList.Builder<ImmutableList<BigInteger>> rows = ImmutableList.builder();
    for (int c = 0; c < cycles; c++) {
      ImmutableList.Builder<BigInteger> row = ImmutableList.builder();
      for (Port p : inputs) {
        row.add(p.name().equals(TraceRunner.RESET)
            ? (c == 0 ? BigInteger.ONE : BigInteger.ZERO)
            : p.type().wrap(new BigInteger(p.type().width(), random)));
      }
      rows.add(row.build());
    }
    return new Trace(inputs.stream().map(Port::name).collect(ImmutableList.toImmutableList()), rows.build());
  }

  /**
   * Checks that {@code trace} has one column for every input (in any order), no other column, and
   * only values that fit their input.
   *
   * @throws TraceFormatException naming {@code source}, the line and the column at fault
   */
  public static void check(Trace trace, List<Port> inputs, String source) {
    List<String> names = inputs.stream().map(Port::name).toList();
    for (int c = 0; c < trace.columns().size(); c++) {
      if (!names.contains(trace.columns().get(c))) {
        throw new TraceFormatException(source, 1, c + 1,
            "'" + trace.columns().get(c) + "' is not an input of the design (inputs: " + String.join(", ", names) + ")");
      }
    }
    for (String name : names) {
      if (!trace.columns().contains(name)) {
        throw new TraceFormatException(source, 1, trace.columns().size() + 1, "input " + name + " has no column");
      }
    }
    for (int c = 0; c < trace.columns().size(); c++) {
      Type type = inputs.get(names.indexOf(trace.columns().get(c))).type();
      for (int r = 0; r < trace.cycles(); r++) {
        BigInteger value = trace.rows().get(r).get(c);
        if (!type.fits(value)) {
          throw new TraceFormatException(source, r + 2, c + 1,
              value + " does not fit " + trace.columns().get(c) + " of " + type + " (range " + type.min() + ".."
                  + type.max() + ")");
        }
      }
    }
  }
}
