package dev.silica.sim;

import dev.silica.ir.Design;
import dev.silica.ir.Port;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the simulator's speed on random netlists of several sizes, for each {@link
 * Simulator.Execution} that has a fixed kernel: compile time (including code generation for
 * GENERATED), and cycles per second with every input poked each cycle and one output peeked
 * (the trace runner's work), as the median of several runs. Run it from a shell, not as a test:
 *
 * <pre>java -cp ... dev.silica.sim.SimulatorBench [cycles]</pre>
 */
public final class SimulatorBench {

  private static final int RUNS = 5;

  private SimulatorBench() {}

  public static void main(String[] args) {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    System.out.printf("%-12s %8s %6s %12s %14s %12s%n", "execution", "nodes", "regs", "compile ms", "cycles/s", "ns/node");
    for (Simulator.Execution execution : List.of(Simulator.Execution.INTERPRETED, Simulator.Execution.GENERATED)) {
      for (int size : new int[] {100, 1000, 10_000}) {
        measure(execution, size, cycles);
      }
    }
  }

  private static void measure(Simulator.Execution execution, int size, int cycles) {
    Design design = RandomNetlist.build(42, 8, size / 10, size);
    long t0 = System.nanoTime();
    Simulator sim = Simulator.compile(design, execution);
    double compileMs = (System.nanoTime() - t0) / 1e6;
    int nodes = design.topModule().nodes().size();
    int scaled = (int) Math.max(1000, (long) cycles * 1000 / size);
    double[] rates = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      rates[r] = run(sim, scaled);
    }
    Arrays.sort(rates);
    double median = rates[RUNS / 2];
    System.out.printf("%-12s %8d %6d %12.1f %14.0f %12.2f%n",
        execution, nodes, design.topModule().registers().size(), compileMs, median, 1e9 / median / nodes);
  }

  /** Cycles per second over {@code cycles} cycles of random inputs. */
  private static double run(Simulator sim, int cycles) {
    List<Port> inputs = sim.inputs();
    String[] names = inputs.stream().map(Port::name).toArray(String[]::new);
    long[] masks = inputs.stream().mapToLong(p -> (1L << p.type().width()) - 1).toArray();
    String out = sim.outputs().get(0).name();
    SplittableRandom random = new SplittableRandom(7);
    long sink = 0;
    long t0 = System.nanoTime();
    for (int c = 0; c < cycles; c++) {
      for (int i = 0; i < names.length; i++) {
        sim.poke(names[i], names[i].equals("rst") ? (c == 0 ? 1 : 0) : random.nextLong() & masks[i]);
      }
      sink += sim.peek(out);
      sim.step();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (sink == 42) {
      System.out.print("");
    }
    return cycles / seconds;
  }
}
