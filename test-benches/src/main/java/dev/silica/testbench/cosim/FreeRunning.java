package dev.silica.testbench.cosim;

import com.google.common.collect.ImmutableList;
import dev.silica.testbench.Bits;
import dev.silica.testbench.Engine;
import dev.silica.testbench.SimEngine;
import dev.silica.testbench.TraceRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The free-running mode, for runs so long that piping a trace through a process would cost more
 * than simulating: the harness (C++ for Verilator, a Verilog testbench for Icarus) makes the random
 * stimulus itself and folds every output into a digest, and Silica's side does the same in Java.
 * Traces agree when the digests do (up to the collisions of a 64-bit hash); the first cycles are
 * also printed so that a disagreement can be placed. The contract, the same in all three languages:
 *
 * <ul>
 *   <li>Stimulus: SplitMix64 from the seed. In each cycle the inputs in {@link HarnessLayout} order
 *       take: {@code rst} 1 in cycle 0 and 0 afterwards (no draw); any other input of {@code w} bits
 *       {@code ceil(w/64)} draws, least significant word first, masked to {@code w} bits.
 *   <li>Each cycle: apply the inputs, settle, fold every output in layout order (its {@code
 *       ceil(w/64)} words, least significant first, bits above {@code w} zero) into the digest,
 *       print the outputs of the first {@code prefix} cycles as a protocol {@code o} line, clock once.
 *   <li>Digest: starts at {@value #DIGEST_START_HEX}; folding word {@code x} is {@code d = (d ^ x) *
 *       M; d ^= d >>> 32} with {@code M =} {@value #DIGEST_MULTIPLIER_HEX}.
 *   <li>At the end the harness prints {@code digest} and the digest in 16 hex digits.
 * </ul>
 *
 * Arguments: Verilator's harness takes {@code SEED_HEX CYCLES PREFIX}, Icarus's {@code +seed=HEX
 * +cycles=N +prefix=N}.
 */
public final class FreeRunning {

  static final String DIGEST_START_HEX = "cbf29ce484222325";
  static final String DIGEST_MULTIPLIER_HEX = "100000001b3";
  private static final long DIGEST_START = Long.parseUnsignedLong(DIGEST_START_HEX, 16);
  private static final long DIGEST_MULTIPLIER = Long.parseUnsignedLong(DIGEST_MULTIPLIER_HEX, 16);
  private static final String GOLDEN = "9e3779b97f4a7c15";
  private static final String MIX1 = "bf58476d1ce4e5b9";
  private static final String MIX2 = "94d049bb133111eb";
  private static final long GOLDEN_LONG = Long.parseUnsignedLong(GOLDEN, 16);
  private static final long MIX1_LONG = Long.parseUnsignedLong(MIX1, 16);
  private static final long MIX2_LONG = Long.parseUnsignedLong(MIX2, 16);
  private static final String DIGEST_LINE = "digest ";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);

  private FreeRunning() {}

  /**
   * Runs the contract on {@code engine}, which simulates the single design of {@code layout}.
   * The engine's ports are found by name, so its port order does not matter.
   */
  public static FreeRun run(SimEngine engine, HarnessLayout layout, long seed, long cycles, int prefix) {
    List<HarnessPort> ins = layout.inputs(0);
    List<HarnessPort> outs = layout.outputs(0);
    int[] inIndex = indexes(ins, engine.inputs().stream().map(p -> p.name()).toList());
    int[] outIndex = indexes(outs, engine.outputs().stream().map(p -> p.name()).toList());
    long[][] inWords = words(ins);
    long[][] outWords = words(outs);
    int[] inTopBits = topBits(ins);
    int reset = ins.stream().map(HarnessPort::portName).toList().indexOf(TraceRunner.RESET);
    long state = seed;
    long digest = DIGEST_START;
    ImmutableList.Builder<ImmutableList<String>> rows = ImmutableList.builder();
    long start = System.nanoTime();
    for (long c = 0; c < cycles; c++) {
      for (int i = 0; i < inWords.length; i++) {
        long[] w = inWords[i];
        if (i == reset) {
          w[0] = c == 0 ? 1 : 0;
        } else {
          for (int k = 0; k < w.length; k++) {
            state += GOLDEN_LONG;
            w[k] = splitMix(state);
          }
          w[w.length - 1] = Bits.mask(w[w.length - 1], inTopBits[i]);
        }
        engine.pokeBits(inIndex[i], w);
      }
      for (int o = 0; o < outWords.length; o++) {
        long[] w = outWords[o];
        engine.peekBits(outIndex[o], w);
        for (long x : w) {
          digest = fold(digest, x);
        }
      }
      if (c < prefix) {
        ImmutableList.Builder<String> row = ImmutableList.builder();
        for (long[] w : outWords) {
          row.add(hex(w));
        }
        rows.add(row.build());
      }
      engine.step();
    }
    return new FreeRun(String.format(Locale.ROOT, "%016x", digest), rows.build(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Runs a free-running harness (see {@link Harnesses#buildFreeRunning}). */
  public static FreeRun run(CompiledHarness harness, long seed, long cycles, int prefix) {
    List<String> command = new ArrayList<>(harness.command());
    String seedHex = Long.toHexString(seed);
    command.addAll(harness.tool() == Engine.VERILATOR
        ? List.of(seedHex, Long.toString(cycles), Integer.toString(prefix))
        : List.of("+seed=" + seedHex, "+cycles=" + cycles, "+prefix=" + prefix));
    String tool = harness.tool().name().toLowerCase(Locale.ROOT);
    long start = System.nanoTime();
    try {
      Process process = new ProcessBuilder(command).directory(harness.directory().toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      }
      if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ToolFailure(tool + " did not finish within " + RUN_TIMEOUT.toMinutes() + " minutes");
      }
      Duration runTime = Duration.ofNanos(System.nanoTime() - start);
      Optional<String> digest = lines.stream().filter(l -> l.startsWith(DIGEST_LINE)).findFirst();
      int printed = (int) Math.min(prefix, cycles);
      if (digest.isEmpty() || lines.size() <= printed) {
        throw new ToolFailure(tool + " printed no digest (exit " + process.exitValue() + ") in " + harness.directory());
      }
      ImmutableList<ImmutableList<String>> rows = lines.subList(0, printed).stream()
          .map(CompiledHarness::values).collect(ImmutableList.toImmutableList());
      return new FreeRun(digest.get().substring(DIGEST_LINE.length()).strip(), rows, runTime);
    } catch (IOException e) {
      throw new ToolFailure("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolFailure("interrupted while running " + command.get(0), e);
    }
  }

  /**
   * Where {@code tool}'s run departs from the reference run: the first cycle and output of the
   * printed prefix that differ, or the digests; empty when the digests agree.
   */
  public static Optional<String> compare(FreeRun reference, FreeRun tool, List<HarnessPort> outputs, String toolName) {
    if (reference.digest().equals(tool.digest())) {
      return Optional.empty();
    }
    for (int c = 0; c < Math.min(reference.prefix().size(), tool.prefix().size()); c++) {
      for (int o = 0; o < outputs.size(); o++) {
        HarnessPort port = outputs.get(o);
        String expected = reference.prefix().get(c).get(o);
        String actual = tool.prefix().get(c).get(o);
        Optional<BigInteger> silica = HexValues.decode(expected, port.type());
        Optional<BigInteger> other = HexValues.decode(actual, port.type());
        if (other.isEmpty() || !other.equals(silica)) {
          return Optional.of("cycle " + c + " on " + port.portName() + ": silica="
              + silica.map(BigInteger::toString).orElse(expected) + " " + toolName + "="
              + other.map(BigInteger::toString).orElse(port.type().width() + "'h" + actual));
        }
      }
    }
    return Optional.of("digests differ (silica " + reference.digest() + ", " + toolName + " " + tool.digest()
        + ") after the first " + reference.prefix().size() + " cycles, which agree");
  }

  /** The C++ main program of Verilator's free-running harness. */
  static String verilatorMain(HarnessLayout layout) {
    String model = "V" + HarnessLayout.WRAPPER;
    StringBuilder c = new StringBuilder("// Generated by Silica: the free-running harness (stimulus from SplitMix64, outputs folded into a digest).\n");
    c.append("#include \"").append(model).append(".h\"\n");
    c.append("""
        #include "verilated.h"
        #include <cstdint>
        #include <cstdio>
        #include <cstdlib>

        """);
    c.append(VerilatorHarness.PRINT_WORDS);
    c.append("\nstatic uint64_t state;\n\n");
    c.append("static inline uint64_t nextRandom() {\n");
    c.append("  state += 0x").append(GOLDEN).append("ULL;\n");
    c.append("  uint64_t z = (state ^ (state >> 30)) * 0x").append(MIX1).append("ULL;\n");
    c.append("  z = (z ^ (z >> 27)) * 0x").append(MIX2).append("ULL;\n");
    c.append("  return z ^ (z >> 31);\n}\n\n");
    c.append("static uint64_t digest = 0x").append(DIGEST_START_HEX).append("ULL;\n\n");
    c.append("static inline void fold(uint64_t word) {\n");
    c.append("  digest = (digest ^ word) * 0x").append(DIGEST_MULTIPLIER_HEX).append("ULL;\n");
    c.append("  digest ^= digest >> 32;\n}\n\n");
    c.append("""
        int main(int argc, char** argv) {
          if (argc < 4) {
            fprintf(stderr, "usage: harness SEED_HEX CYCLES PREFIX\\n");
            return 2;
          }
          state = strtoull(argv[1], nullptr, 16);
          unsigned long long cycles = strtoull(argv[2], nullptr, 10);
          unsigned long long prefix = strtoull(argv[3], nullptr, 10);
          VerilatedContext* context = new VerilatedContext;
        """);
    c.append("  ").append(model).append("* top = new ").append(model).append("{context};\n");
    c.append("""
          top->clk = 0;
          top->eval();
          for (unsigned long long c = 0; c < cycles; c++) {
        """);
    for (HarnessPort p : layout.inputs(0)) {
      String field = "top->" + p.wrapperName();
      int w = p.type().width();
      if (p.portName().equals(TraceRunner.RESET)) {
        c.append("    ").append(field).append(" = c == 0;\n");
      } else if (w <= 64) {
        c.append("    ").append(field).append(" = nextRandom() & ").append(mask64(w)).append(";\n");
      } else {
        int words32 = (w + 31) / 32;
        for (int k = 0; k < Bits.wordCount(w); k++) {
          c.append("    { uint64_t r = nextRandom(); ").append(field).append(".data()[").append(2 * k).append("] = (uint32_t) r;");
          if (2 * k + 1 < words32) {
            c.append(" ").append(field).append(".data()[").append(2 * k + 1).append("] = (uint32_t) (r >> 32);");
          }
          c.append(" }\n");
        }
        int topBits = w - 32 * (words32 - 1);
        if (topBits < 32) {
          c.append("    ").append(field).append(".data()[").append(words32 - 1).append("] &= 0x")
              .append(Long.toHexString((1L << topBits) - 1)).append("u;\n");
        }
      }
    }
    c.append("    top->eval();\n");
    for (HarnessPort p : layout.outputs(0)) {
      String field = "top->" + p.wrapperName();
      int w = p.type().width();
      if (w <= 64) {
        c.append("    fold((uint64_t) ").append(field).append(" & ").append(mask64(w)).append(");\n");
      } else {
        int words32 = (w + 31) / 32;
        for (int k = 0; k < Bits.wordCount(w); k++) {
          String word = "(uint64_t) " + field + ".data()[" + 2 * k + "]";
          if (2 * k + 1 < words32) {
            word += " | ((uint64_t) " + field + ".data()[" + (2 * k + 1) + "] << 32)";
          }
          c.append("    fold((").append(word).append(") & ").append(mask64(Math.min(64, w - 64 * k))).append(");\n");
        }
      }
    }
    c.append("    if (c < prefix) {\n");
    c.append(VerilatorHarness.printOutputs(layout.outputs(0), "      "));
    c.append("    }\n");
    c.append("""
            top->clk = 1;
            top->eval();
            top->clk = 0;
            top->eval();
          }
          printf("digest %016llx\\n", (unsigned long long) digest);
          top->final();
          delete top;
          delete context;
          return 0;
        }
        """);
    return c.toString();
  }

  /** The Verilog testbench module {@code module} of Icarus's free-running harness. */
  static String icarusTestbench(HarnessLayout layout, String module) {
    List<HarnessPort> inputs = layout.inputs(0);
    List<HarnessPort> outputs = layout.outputs(0);
    StringBuilder v = new StringBuilder("// Generated by Silica: the free-running harness (stimulus from SplitMix64, outputs folded into a digest).\n");
    v.append("module ").append(module).append(";\n");
    IcarusHarness.declareDut(v, inputs, outputs);
    v.append("  reg [63:0] state;\n  reg [63:0] z;\n  reg [63:0] digest;\n");
    v.append("  reg [63:0] cycles;\n  reg [63:0] prefix;\n  reg [63:0] c;\n");
    v.append("  task next_random;\n    begin\n");
    v.append("      state = state + 64'h").append(GOLDEN).append(";\n");
    v.append("      z = (state ^ (state >> 30)) * 64'h").append(MIX1).append(";\n");
    v.append("      z = (z ^ (z >> 27)) * 64'h").append(MIX2).append(";\n");
    v.append("      z = z ^ (z >> 31);\n    end\n  endtask\n");
    v.append("  task fold;\n    input [63:0] word;\n    begin\n");
    v.append("      digest = (digest ^ word) * 64'h").append(DIGEST_MULTIPLIER_HEX).append(";\n");
    v.append("      digest = digest ^ (digest >> 32);\n    end\n  endtask\n");
    v.append("  initial begin\n");
    v.append("    if (!$value$plusargs(\"seed=%h\", state)) state = 0;\n");
    v.append("    if (!$value$plusargs(\"cycles=%d\", cycles)) cycles = 0;\n");
    v.append("    if (!$value$plusargs(\"prefix=%d\", prefix)) prefix = 0;\n");
    v.append("    digest = 64'h").append(DIGEST_START_HEX).append(";\n");
    v.append("    for (c = 0; c < cycles; c = c + 1) begin\n");
    for (HarnessPort p : inputs) {
      int w = p.type().width();
      if (p.portName().equals(TraceRunner.RESET)) {
        v.append("      ").append(p.wrapperName()).append(" = c == 0;\n");
      } else {
        for (int k = 0; k < Bits.wordCount(w); k++) {
          v.append("      next_random; ").append(wordOf(p, k)).append(" = z;\n");
        }
      }
    }
    v.append("      #1;\n");
    for (HarnessPort p : outputs) {
      for (int k = 0; k < Bits.wordCount(p.type().width()); k++) {
        v.append("      fold(").append(wordOf(p, k)).append(");\n");
      }
    }
    v.append("      if (c < prefix) ").append(IcarusHarness.displayOutputs(outputs)).append("\n");
    v.append("      #1 clk = 1'b1;\n      #1 clk = 1'b0;\n    end\n");
    v.append("    $display(\"").append(DIGEST_LINE).append("%h\", digest);\n");
    v.append("    $finish;\n  end\nendmodule\n");
    return v.toString();
  }

  /** Word {@code k} (64 bits from bit {@code 64k}) of a wrapper port, as a Verilog expression. */
  private static String wordOf(HarnessPort p, int k) {
    int w = p.type().width();
    if (w <= 64) {
      return p.wrapperName();
    }
    return p.wrapperName() + "[" + (Math.min(w, 64 * k + 64) - 1) + ":" + 64 * k + "]";
  }

  private static String mask64(int bits) {
    return "0x" + Long.toHexString(bits >= 64 ? -1L : (1L << bits) - 1) + "ULL";
  }

  /** SplitMix64's output for a state already advanced by its increment. */
  private static long splitMix(long state) {
    long z = (state ^ (state >>> 30)) * MIX1_LONG;
    z = (z ^ (z >>> 27)) * MIX2_LONG;
    return z ^ (z >>> 31);
  }

  private static long fold(long digest, long word) {
    long d = (digest ^ word) * DIGEST_MULTIPLIER;
    return d ^ (d >>> 32);
  }

  private static int[] indexes(List<HarnessPort> ports, List<String> engineNames) {
    return ports.stream().mapToInt(p -> {
      int i = engineNames.indexOf(p.portName());
      if (i < 0) {
        throw new IllegalArgumentException("the engine has no port " + p.portName() + " (ports: " + engineNames + ")");
      }
      return i;
    }).toArray();
  }

  private static long[][] words(List<HarnessPort> ports) {
    return ports.stream().map(p -> new long[Bits.wordCount(p.type().width())]).toArray(long[][]::new);
  }

  private static int[] topBits(List<HarnessPort> ports) {
    return ports.stream().mapToInt(p -> p.type().width() - 64 * (Bits.wordCount(p.type().width()) - 1)).toArray();
  }

  private static String hex(long[] words) {
    StringBuilder h = new StringBuilder(Long.toHexString(words[words.length - 1]));
    for (int k = words.length - 2; k >= 0; k--) {
      h.append(String.format(Locale.ROOT, "%016x", words[k]));
    }
    return h.toString();
  }
}
