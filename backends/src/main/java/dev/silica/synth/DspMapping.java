package dev.silica.synth;

import com.google.common.math.IntMath;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Which multipliers Yosys's {@code mul2dsp} maps to DSP48E1 slices, how many slices each takes
 * ({@link DspTiles}), and what the slices absorb around them: the registers in front of a
 * multiplier (AREG, BREG) and the sum of a one-slice product (the post-adder).
 */
final class DspMapping {

  /** Yosys's mul2dsp: no DSP for an operand narrower than this... */
  static final int MIN_OPERAND_BITS = 2;

  /** ...or a product narrower than this. */
  static final int MIN_PRODUCT_BITS = 9;

  /** The DSP48E1's A port: 25 bits, signed. */
  static final int A_BITS = 25;

  /** The shift between cascaded DSP48E1 slices (PCIN to PCOUT), the B port's 18 signed bits less one. */
  static final int CASCADE_SHIFT = 17;

  /** The DSP48E1's post-adder and P register: 48 bits. */
  static final int P_BITS = 48;

  private final NetlistFacts facts;

  DspMapping(NetlistFacts facts) {
    this.facts = facts;
  }

  /** Whether the multiplier {@code mul} has a constant power of two (or zero) operand: it is a shift. */
  boolean isShift(Op.Binary mul) {
    return facts.isPowerOfTwo(mul.a()) || facts.isPowerOfTwo(mul.b());
  }

  /**
   * The slices of multiplier {@code n} (operation {@code mul}), or empty when it stays in LUTs: an
   * operand narrower than {@value #MIN_OPERAND_BITS} bits, a product narrower than {@value
   * #MIN_PRODUCT_BITS}, or a {@linkplain #isShift shift}. Operands count at the width synthesis
   * reduces them to ({@link #effectiveWidth}).
   */
  Optional<DspTiles> tiles(Op.Binary mul, Node n) {
    if (isShift(mul)) {
      return Optional.empty();
    }
    int product = facts.demandedTop(n) + 1;
    int a = effectiveWidth(mul.a(), product);
    int b = effectiveWidth(mul.b(), product);
    if (Math.min(a, b) < MIN_OPERAND_BITS || product < MIN_PRODUCT_BITS) {
      return Optional.empty();
    }
    // DSP48E1 multiplies 25x18 signed; unsigned operands need a zero sign bit.
    int extra = n.type().signed() ? 0 : 1;
    int wide = Math.max(a, b) + extra;
    int narrow = Math.min(a, b) + extra;
    return Optional.of(new DspTiles(
        IntMath.divide(Math.max(wide - 1, 1), A_BITS - 1, RoundingMode.CEILING),
        IntMath.divide(Math.max(narrow - 1, 1), CASCADE_SHIFT, RoundingMode.CEILING)));
  }

  /** The slices of {@code n} when it is a multiplier mapped to DSP48E1s. */
  Optional<DspTiles> tiles(Node n) {
    return n.op() instanceof Op.Binary b && b.kind() == Op.BinaryKind.MUL ? tiles(b, n) : Optional.empty();
  }

  /** The bits synthesis keeps of a multiplier operand: a constant's minimal width, else at most the product's. */
  int effectiveWidth(String operand, int productBits) {
    Optional<BigInteger> c = facts.constant(operand);
    if (c.isPresent()) {
      return c.get().bitLength() + (facts.type(operand).signed() ? 1 : 0);
    }
    return Math.min(facts.type(operand).width(), productBits);
  }

  /**
   * Whether {@code n} is a sum a DSP48E1 computes in its post-adder: an add or subtract, at most
   * {@value #P_BITS} bits wide, of a multiplier that fits one slice and that nothing else reads.
   */
  boolean isPostAdder(Node n) {
    if (!(n.op() instanceof Op.Binary sum) || !(sum.kind() == Op.BinaryKind.ADD || sum.kind() == Op.BinaryKind.SUB)
        || n.type().width() > P_BITS) {
      return false;
    }
    for (String operand : List.of(sum.a(), sum.b())) {
      Node m = facts.throughWiring(operand);
      if (m != null && facts.readerCount(m.name()) == 1 && !facts.isReadOutsideNodes(m.name())
          && tiles(m).map(DspTiles::isSingle).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every reader of {@code register} is a multiplier mapped to a DSP48E1 (its AREG or BREG). */
  boolean feedsOnlyDsps(String register) {
    List<Node> users = facts.readers(register);
    return !users.isEmpty() && !facts.isReadOutsideNodes(register)
        && users.stream().allMatch(u -> tiles(u).isPresent());
  }
}
