package dev.silica.testbench.transformer;

import dev.silica.ir.Type;
import dev.silica.testbench.Tester;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives valid/ready streams into a design and collects one output stream, the way a testbench
 * for AXI-Stream blocks does: each cycle every unfinished input offers its next beat with
 * probability {@code validRate} (its data is random garbage otherwise), the output is ready with
 * probability {@code readyRate}, and a beat moves on an edge where valid and ready are both high.
 * With both rates 1 the run measures latency and throughput.
 */
final class StreamBench {

  /** One beat: its lane values (one for a scalar stream) and its last marker. */
  record Beat(long[] lanes, boolean last) {
    static Beat of(long value, boolean last) {
      return new Beat(new long[] {value}, last);
    }
  }

  /** A stream's port prefix ({@code in}) and the names of its data ports, one per lane. */
  record Port(String prefix, List<String> dataPorts) {
    static Port scalar(String prefix) {
      return new Port(prefix, List.of(prefix + "_data"));
    }

    static Port vector(String prefix, int lanes) {
      return named(prefix, "data", lanes);
    }

    /** Lanes {@code prefix_field_0 ..}, then the next field's, in the order given. */
    static Port named(String prefix, String field, int lanes) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < lanes; i++) {
        names.add(prefix + "_" + field + "_" + i);
      }
      return new Port(prefix, names);
    }

    /** This port's lanes followed by {@code other}'s (same prefix). */
    Port then(Port other) {
      List<String> names = new ArrayList<>(dataPorts);
      names.addAll(other.dataPorts);
      return new Port(prefix, names);
    }

    int lanes() {
      return dataPorts.size();
    }

    String data(int lane) {
      return dataPorts.get(lane);
    }
  }

  /** What a run produced and when. */
  record Result(List<Beat> beats, long firstInputCycle, long firstOutputCycle, long lastOutputCycle) {
    /** Edges from the first input transfer to the first output transfer. */
    long latency() {
      return firstOutputCycle - firstInputCycle;
    }
  }

  private final Tester tester;
  private final Random random;
  private final double validRate;
  private final double readyRate;

  StreamBench(Tester tester, long seed, double validRate, double readyRate) {
    this.tester = tester;
    this.random = new Random(seed);
    this.validRate = validRate;
    this.readyRate = readyRate;
  }

  /** Runs until {@code expectedBeats} output beats have moved; fails after {@code maxCycles}. */
  Result run(List<Port> inputs, List<List<Beat>> beats, Port output, int expectedBeats, int maxCycles) {
    int[] next = new int[inputs.size()];
    List<Beat> collected = new ArrayList<>();
    long firstIn = -1;
    long firstOut = -1;
    long lastOut = -1;
    for (int cycle = 0; cycle < maxCycles && collected.size() < expectedBeats; cycle++) {
      boolean outReady = random.nextDouble() < readyRate;
      tester.poke(output.prefix() + "_ready", outReady ? 1 : 0);
      boolean[] offered = new boolean[inputs.size()];
      for (int s = 0; s < inputs.size(); s++) {
        Port port = inputs.get(s);
        offered[s] = next[s] < beats.get(s).size() && random.nextDouble() < validRate;
        Beat beat = offered[s] ? beats.get(s).get(next[s]) : null;
        tester.poke(port.prefix() + "_valid", offered[s] ? 1 : 0);
        tester.poke(port.prefix() + "_last", beat != null && beat.last() ? 1 : 0);
        for (int lane = 0; lane < port.lanes(); lane++) {
          tester.poke(port.data(lane), beat != null ? beat.lanes()[lane] : garbage(port, lane));
        }
      }
      for (int s = 0; s < inputs.size(); s++) {
        if (offered[s] && tester.peek(inputs.get(s).prefix() + "_ready") == 1) {
          next[s]++;
          if (firstIn < 0) {
            firstIn = tester.cycle();
          }
        }
      }
      if (outReady && tester.peek(output.prefix() + "_valid") == 1) {
        long[] lanes = new long[output.lanes()];
        for (int lane = 0; lane < lanes.length; lane++) {
          lanes[lane] = tester.peek(output.data(lane));
        }
        collected.add(new Beat(lanes, tester.peek(output.prefix() + "_last") == 1));
        if (firstOut < 0) {
          firstOut = tester.cycle();
        }
        lastOut = tester.cycle();
      }
      tester.step();
    }
    if (collected.size() < expectedBeats) {
      throw new AssertionError("only " + collected.size() + " of " + expectedBeats + " output beats after "
          + maxCycles + " cycles");
    }
    return new Result(collected, firstIn, firstOut, lastOut);
  }

  private long garbage(Port port, int lane) {
    String name = port.data(lane);
    Type type = tester.engine().inputs().stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("the design has no input " + name)).type();
    long raw = random.nextLong() & ((1L << type.width()) - 1);
    return type.signed() && (raw >> (type.width() - 1)) == 1 ? raw - (1L << type.width()) : raw;
  }
}
