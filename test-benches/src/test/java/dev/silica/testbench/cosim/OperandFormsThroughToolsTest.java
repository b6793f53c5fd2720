package dev.silica.testbench.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.text.SirParser;
import dev.silica.testbench.Engine;
import dev.silica.verilog.Tools;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operand forms the fuzzer found written wrongly for a tool, each in a small design
 * co-simulated on random stimulus against Verilator and Icarus: negative literals as operands,
 * constant and over-wide shift amounts on signed and unsigned values, and signed {@code >=} and
 * {@code <=} (docs/tool-bugs.md). Every output must agree in every cycle.
 */
class OperandFormsThroughToolsTest {

  private static final int CYCLES = 100;
  private static final long SEED = 11;

  /** Negative constants after a unary or binary operator, as mux arms, ports and instance inputs. */
  private static final String NEGATIVE_LITERALS = """
      design negative_literals
      module negative_leaf {
        in a : s8
        out y : s9
        one : s8 = const 1
        y0 : s9 = add a, one
        connect y = y0
      }
      module negative_literals {
        in a : s8
        in sel : u1
        out neg_of_negative : s32
        out and_of_minus_one : u1
        out not_of_negative : s8
        out minus_negative : s9
        out xor_negative : s8
        out mux_negative : s8
        out times_negative : s16
        out below_negative : u1
        out through_instance : s9
        out constant_output : s8
        min31 : s31 = const -1073741824
        minus_one : s200 = const -1
        minus_three : s8 = const -3
        minus_128 : s8 = const -128
        neg_of_negative0 : s32 = neg min31
        and_of_minus_one0 : u1 = andr minus_one
        not_of_negative0 : s8 = not minus_three
        minus_negative0 : s9 = sub a, minus_three
        xor_negative0 : s8 = xor a, minus_three
        mux_negative0 : s8 = mux sel, minus_three, minus_128
        times_negative0 : s16 = mul a, minus_three
        below_negative0 : u1 = lt a, minus_three
        inst leaf : negative_leaf {
          a = minus_three
        }
        connect neg_of_negative = neg_of_negative0
        connect and_of_minus_one = and_of_minus_one0
        connect not_of_negative = not_of_negative0
        connect minus_negative = minus_negative0
        connect xor_negative = xor_negative0
        connect mux_negative = mux_negative0
        connect times_negative = times_negative0
        connect below_negative = below_negative0
        connect through_instance = leaf.y
        connect constant_output = minus_three
      }
      """;

  /**
   * Shifts by constants below, at and far beyond the width (with amount types up to 154 bits), by a
   * variable amount wider than 32 bits, and by a wide amount that the tool can fold to a constant,
   * of signed and unsigned values.
   */
  private static final String SHIFT_AMOUNTS = """
      design shift_amounts
      module shift_amounts {
        in u : u5
        in s : s5
        in wide : u40
        out shl_u_3 : u5
        out shr_s_4 : s5
        out sra_u_4 : u5
        out sra_s_5 : s5
        out shl_s_5 : s5
        out shr_u_huge : u5
        out sra_s_huge : s5
        out sra_u_huge : u5
        out shl_u_wide : u5
        out shr_s_wide : s5
        out sra_s_wide : s5
        out shl_u_folded : u5
        three : u2 = const 3
        four : u8 = const 4
        five : u3 = const 5
        huge72 : u72 = const 1528597776791884401690
        huge154 : u154 = const 15987000579782090031236256028236014290912804082
        minus_five : s72 = const -5
        folded : u72 = cast minus_five, unsigned
        shl_u_3_0 : u5 = shl u, three
        shr_s_4_0 : s5 = shr s, four
        sra_u_4_0 : u5 = sra u, four
        sra_s_5_0 : s5 = sra s, five
        shl_s_5_0 : s5 = shl s, five
        shr_u_huge_0 : u5 = shr u, huge72
        sra_s_huge_0 : s5 = sra s, huge154
        sra_u_huge_0 : u5 = sra u, huge154
        shl_u_wide_0 : u5 = shl u, wide
        shr_s_wide_0 : s5 = shr s, wide
        sra_s_wide_0 : s5 = sra s, wide
        shl_u_folded_0 : u5 = shl u, folded
        connect shl_u_3 = shl_u_3_0
        connect shr_s_4 = shr_s_4_0
        connect sra_u_4 = sra_u_4_0
        connect sra_s_5 = sra_s_5_0
        connect shl_s_5 = shl_s_5_0
        connect shr_u_huge = shr_u_huge_0
        connect sra_s_huge = sra_s_huge_0
        connect sra_u_huge = sra_u_huge_0
        connect shl_u_wide = shl_u_wide_0
        connect shr_s_wide = shr_s_wide_0
        connect sra_s_wide = sra_s_wide_0
        connect shl_u_folded = shl_u_folded_0
      }
      """;

  /**
   * Signed and unsigned {@code >=} and {@code <=} of inputs, of wide sign extensions, and the
   * context in which Verilator 5.006 at -O3 got a signed {@code >=} wrong: an operand computed in
   * an instance from a constant input, compared against a constant, then registered.
   */
  private static final String ORDER_COMPARISONS = """
      design order_comparisons
      module order_leaf {
        in c : u8
        out w : u32
        one : u31 = const 1
        bit : u1 = slice c, 0, 0
        w0 : u32 = add one, bit
        connect w = w0
      }
      module order_comparisons {
        in a : s7
        in b : s7
        in x : u7
        in y : u7
        out ge_s : u1
        out le_s : u1
        out ge_u : u1
        out le_u : u1
        out ge_wide : u1
        out ge_after_instance : u1
        zero : u8 = const 0
        one : s184 = const 1
        one17 : s17 = const 1
        ge_s0 : u1 = ge a, b
        le_s0 : u1 = le a, b
        ge_u0 : u1 = ge x, y
        le_u0 : u1 = le x, y
        ge_wide0 : u1 = ge a, one
        low : u17 = slice leaf.w, 16, 0
        low_s : s17 = cast low, signed
        ge_after_instance0 : u1 = ge low_s, one17
        reg q : u1 init 0 next ge_after_instance0
        inst leaf : order_leaf {
          c = zero
        }
        connect ge_s = ge_s0
        connect le_s = le_s0
        connect ge_u = ge_u0
        connect le_u = le_u0
        connect ge_wide = ge_wide0
        connect ge_after_instance = q
      }
      """;

  static Stream<Arguments> cases() {
    return Stream.of(NEGATIVE_LITERALS, SHIFT_AMOUNTS, ORDER_COMPARISONS)
        .flatMap(text -> Stream.of(Engine.VERILATOR, Engine.ICARUS)
            .map(tool -> {
              Design design = SirParser.parse(text, "operand-forms.sir");
              return Arguments.of(design.top(), design, tool);
            }));
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("cases")
  void everyOutputAgreesInEveryCycle(String name, Design design, Engine tool) {
    Tools.require(tool == Engine.VERILATOR ? "verilator" : "iverilog");
    CosimResult result = Cosim.run(design, SEED, CYCLES, tool);
    assertTrue(result.agreed(), result.summary());
  }
}
