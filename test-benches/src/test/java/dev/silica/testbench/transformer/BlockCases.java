package dev.silica.testbench.transformer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;


/**
 * The parameter sets the tool tests build: every transformer block at 4, 6 and 8 bits (mixed
 * where operands differ), and the systolic array with each multiplier kind.
 */
final class BlockCases {

  /** One generator run: a label, the generator's name and its arguments. */
  record Case(String label, String generator, ImmutableMap<String, String> arguments) {
    Design elaborate() {
      return GeneratorRegistry.load().get(generator).generate(arguments);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private BlockCases() {}

  /** Every block at {@code bits}. */
  static ImmutableList<Case> atWidth(int bits) {
    String b = Integer.toString(bits);
    return ImmutableList.of(
        new Case("requant s24->s" + b, "requant", ImmutableMap.of("out_bits", b)),
        new Case("requant double s24->s" + b, "requant", ImmutableMap.of("out_bits", b, "rounding", "double_rounding")),
        new Case("requant half-up m16 s24->s" + b, "requant",
            ImmutableMap.of("out_bits", b, "rounding", "round_half_up_shift")),
        new Case("relu s" + b, "relu", ImmutableMap.of("bits", b)),
        new Case("residual-add s" + b, "residual-add", ImmutableMap.of("a_bits", b, "b_bits", b, "out_bits", b)),
        new Case("avgpool s" + b + " 8 ch L=16", "avgpool", ImmutableMap.of("bits", b)),
        new Case("posenc s" + b + " 8 ch L=32", "posenc", ImmutableMap.of("bits", b)),
        new Case("batchnorm s" + b + " 4 ch", "batchnorm", ImmutableMap.of("in_bits", b, "out_bits", b)),
        new Case("layernorm s" + b + " 16 ch", "layernorm", ImmutableMap.of("in_bits", b, "out_bits", b)),
        new Case("softmax lut s" + b + " L=32", "softmax", ImmutableMap.of("bits", b, "out_bits", b)),
        new Case("softmax iexp s" + b + " L=32", "softmax", ImmutableMap.of("bits", b, "out_bits", b, "exp", "iexp")),
        new Case("linear mac 16x8 s" + b, "linear", ImmutableMap.of("in_bits", b, "weight_bits", b, "out_bits", b)),
        new Case("linear mac 16x8 block-rom s" + b, "linear",
            ImmutableMap.of("in_bits", b, "weight_bits", b, "out_bits", b, "rom", "block")),
        new Case("linear systolic 4x8 s" + b, "linear",
            ImmutableMap.of("in_bits", b, "weight_bits", b, "out_bits", b, "engine", "systolic")),
        new Case("systolic 4x4 dsp s" + b, "systolic", ImmutableMap.of("a_bits", b, "b_bits", b)),
        new Case("systolic 4x4 lut s" + b, "systolic", ImmutableMap.of("a_bits", b, "b_bits", b, "multiplier", "lut")));
  }

  /** The packed systolic arrays the DSP48E1 bound admits (K = 64 at 4 bits, K = 16 at 6). */
  static ImmutableList<Case> packed() {
    return ImmutableList.of(
        new Case("systolic 4x4 packed s4 K=64", "systolic", ImmutableMap.of("a_bits", "4", "b_bits", "4",
            "multiplier", "packed")),
        new Case("systolic 4x4 packed s6 K=16", "systolic", ImmutableMap.of("a_bits", "6", "b_bits", "6",
            "multiplier", "packed", "max_k", "16")),
        new Case("systolic 4x4 packed s8 x s4 K=16", "systolic", ImmutableMap.of("a_bits", "8", "b_bits", "4",
            "multiplier", "packed", "max_k", "16")));
  }

  /** Every case above. */
  static ImmutableList<Case> all() {
    ImmutableList.Builder<Case> all = ImmutableList.builder();
    for (int bits : new int[] {4, 6, 8}) {
      all.addAll(atWidth(bits));
    }
    return all.addAll(packed()).build();
  }

}
