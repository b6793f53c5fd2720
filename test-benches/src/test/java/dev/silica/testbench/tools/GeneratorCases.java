package dev.silica.testbench.tools;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import java.util.List;
import java.util.Map;

/**
 * Every registered generator as designs for the tool and estimator tests: its defaults, plus
 * parameter sets for the generators known here. The Transformer blocks are swept at 4, 6 and 8 bits
 * across their implementation choices (multiplier of {@code systolic}, ROM style and engine of
 * {@code linear}, exponential of {@code softmax}, rounding of {@code requant}).
 *
 * <p>Two selections: the {@link #sweep() sweep} is the whole cross product (the cheap tools,
 * Verilator and Icarus, run it on every build); the {@link #quick() quick} selection takes every
 * default and each width and implementation choice at least once, some with mixed widths, for the
 * tool that costs seconds per design (Yosys). With {@code -D}{@value #SWEEP_PROPERTY}{@code =true}
 * the quick selection is the sweep, for runs by hand.
 */
public final class GeneratorCases {

  /** System property that makes {@link #quick()} the whole sweep (for runs by hand). */
  public static final String SWEEP_PROPERTY = "silica.sweep";

  /** The code widths the Transformer blocks are swept at. */
  public static final List<Integer> WIDTHS = List.of(4, 6, 8);

  /** One design: the generator, its arguments and what they elaborate to. */
  public record Case(String generator, ImmutableMap<String, String> arguments, Design design) {
    @Override
    public String toString() {
      return generator + arguments;
    }
  }

  private static final ImmutableListMultimap<String, Map<String, String>> QUICK =
      ImmutableListMultimap.<String, Map<String, String>>builder()
          .putAll("counter", ImmutableMap.of("width", "1"), ImmutableMap.of("width", "32"))
          .putAll("mac", ImmutableMap.of("a_bits", "16", "b_bits", "16", "acc_bits", "40"), ImmutableMap.of("a_bits", "4", "b_bits", "4", "acc_bits", "12"))
          .putAll("fir", ImmutableMap.of("taps", "8", "bits", "12"), ImmutableMap.of("taps", "5", "bits", "16", "coeffs", "-3,7,100,7,-3"))
          .putAll("requant", ImmutableMap.of("out_bits", "4", "rounding", "double_rounding"), ImmutableMap.of("out_bits", "6", "rounding", "round_half_up_shift"))
          .putAll("systolic", systolic(4, "lut"), systolic(6, "packed"))
          .putAll("linear", linear(4, "block"), ImmutableMap.of("in_bits", "6", "weight_bits", "6", "out_bits", "6", "engine", "systolic", "multiplier", "packed"))
          .putAll("softmax", softmax(4, "iexp"), softmax(6, "lut"))
          .putAll("batchnorm", ImmutableMap.of("in_bits", "4", "out_bits", "6"))
          .putAll("layernorm", ImmutableMap.of("in_bits", "6", "out_bits", "4"))
          .putAll("relu", ImmutableMap.of("bits", "4"))
          .putAll("residual-add", ImmutableMap.of("a_bits", "4", "b_bits", "6", "out_bits", "4"))
          .putAll("avgpool", ImmutableMap.of("bits", "4"))
          .putAll("posenc", ImmutableMap.of("bits", "6"))
          .putAll("fifo", ImmutableMap.of("depth", "5", "storage", "block", "flow", "true"),
              ImmutableMap.of("width", "16", "depth", "64", "storage", "distributed", "pipe", "true"))
          .build();

  private static final ImmutableListMultimap<String, Map<String, String>> SWEEP = sweepParameters();

  private static final ImmutableList<Generator> GENERATORS = GeneratorRegistry.load().all();

  private GeneratorCases() {}

  /** Every generator's defaults and every parameter set listed here. */
  public static ImmutableList<Case> sweep() {
    return Holder.SWEEP_CASES;
  }

  /** Every generator's defaults and each width and choice at least once (the sweep, when asked for). */
  public static ImmutableList<Case> quick() {
    return Boolean.getBoolean(SWEEP_PROPERTY) ? sweep() : Holder.QUICK_CASES;
  }

  /** Lazily built, so that naming a selection elaborates only the designs it needs. */
  private static final class Holder {
    static final ImmutableList<Case> SWEEP_CASES = cases(SWEEP);
    static final ImmutableList<Case> QUICK_CASES = cases(QUICK);
  }

  private static ImmutableListMultimap<String, Map<String, String>> sweepParameters() {
    ImmutableListMultimap.Builder<String, Map<String, String>> sets = ImmutableListMultimap.builder();
    sets.putAll("counter", QUICK.get("counter")).putAll("mac", QUICK.get("mac")).putAll("fir", QUICK.get("fir"))
        .putAll("fifo", QUICK.get("fifo"));
    for (int w : WIDTHS) {
      String bits = String.valueOf(w);
      for (String rounding : List.of("double_rounding", "single_rounding", "round_half_up_shift")) {
        sets.put("requant", ImmutableMap.of("out_bits", bits, "rounding", rounding));
      }
      sets.put("systolic", systolic(w, "lut"));
      sets.put("systolic", systolic(w, "dsp"));
      // Two 8-bit products a whole 64-term sum apart overflow the DSP48E1's 25-bit A port (the
      // generator refuses it for any K > 1), so at 8 bits the packed array pairs s8 with s4.
      sets.put("systolic", w == 8 ? ImmutableMap.of("a_bits", "8", "b_bits", "4", "multiplier", "packed") : systolic(w, "packed"));
      sets.put("linear", linear(w, "block"));
      sets.put("linear", linear(w, "distributed"));
      sets.put("linear", ImmutableMap.of("in_bits", bits, "weight_bits", bits, "out_bits", bits, "engine", "systolic"));
      sets.put("softmax", softmax(w, "lut"));
      sets.put("softmax", softmax(w, "iexp"));
      sets.put("batchnorm", same(w, "in_bits", "out_bits"));
      sets.put("layernorm", same(w, "in_bits", "out_bits"));
      sets.put("relu", same(w, "bits"));
      sets.put("residual-add", same(w, "a_bits", "b_bits", "out_bits"));
      sets.put("avgpool", same(w, "bits"));
      sets.put("posenc", same(w, "bits"));
    }
    return sets.build();
  }

  private static Map<String, String> systolic(int bits, String multiplier) {
    return ImmutableMap.of("a_bits", String.valueOf(bits), "b_bits", String.valueOf(bits), "multiplier", multiplier);
  }

  private static Map<String, String> linear(int bits, String rom) {
    String b = String.valueOf(bits);
    return ImmutableMap.of("in_bits", b, "weight_bits", b, "out_bits", b, "rom", rom);
  }

  private static Map<String, String> softmax(int bits, String exp) {
    return ImmutableMap.of("bits", String.valueOf(bits), "out_bits", String.valueOf(bits), "exp", exp);
  }

  /** Every named parameter at {@code bits}. */
  private static Map<String, String> same(int bits, String... names) {
    ImmutableMap.Builder<String, String> args = ImmutableMap.builder();
    for (String name : names) {
      args.put(name, String.valueOf(bits));
    }
    return args.buildOrThrow();
  }

  private static ImmutableList<Case> cases(ImmutableListMultimap<String, Map<String, String>> sets) {
    ImmutableList.Builder<Case> cases = ImmutableList.builder();
    for (Generator g : GENERATORS) {
      cases.add(new Case(g.name(), ImmutableMap.of(), g.generate(ImmutableMap.of())));
      for (Map<String, String> args : sets.get(g.name())) {
        if (!isDefault(g, args)) {
          cases.add(new Case(g.name(), ImmutableMap.copyOf(args), g.generate(args)));
        }
      }
    }
    return cases.build();
  }

  /** Whether every argument equals its parameter's default (the defaults' case has it already). */
  private static boolean isDefault(Generator g, Map<String, String> args) {
    return g.params().stream().allMatch(p -> !args.containsKey(p.name()) || args.get(p.name()).equals(p.defaultValue()));
  }
}
