package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What a multiplier costs: nothing by a constant power of two (a shift; a negative one adds a
 * negation's carry chain); DSP48E1 slices where {@link DspMapping} puts it, with carry-chain adders
 * in the fabric between columns of slices; otherwise Yosys's {@code maccmap} in LUTs: an AND per
 * partial-product bit, two LUTs per full adder reducing the A*B bits to two rows of A+B bits, and an
 * A+B-bit carry chain.
 */
final class MultiplierCost {

  private final NetlistFacts facts;
  private final DspMapping dsp;

  MultiplierCost(NetlistFacts facts, DspMapping dsp) {
    this.facts = facts;
    this.dsp = dsp;
  }

  /** The cost of node {@code n}, the multiplier {@code mul}. */
  ResourceCount of(Node n, Op.Binary mul) {
    int product = facts.demandedTop(n) + 1;
    if (dsp.isShift(mul)) {
      BigInteger factor = facts.constant(facts.isPowerOfTwo(mul.a()) ? mul.a() : mul.b()).orElseThrow();
      return factor.signum() < 0 ? Fabric.carryChain(product) : ResourceCount.none();
    }
    Optional<DspTiles> tiles = dsp.tiles(mul, n);
    if (tiles.isPresent()) {
      // The rows of a column cascade inside the DSPs; the columns' partial products, 24 bits
      // apart, are summed by carry-chain adders in the fabric.
      int fabricAdder = (tiles.get().wide() - 1) * Math.max(0, product - (DspMapping.A_BITS - 1));
      return ResourceCount.of(Resource.DSP48E1, tiles.get().slices())
          .add(Resource.LUT_AS_LOGIC, fabricAdder)
          .add(Resource.CARRY4, Fabric.carry4s(fabricAdder));
    }
    int a = dsp.effectiveWidth(mul.a(), product);
    int b = dsp.effectiveWidth(mul.b(), product);
    int fullAdders = Math.max(0, a * b - 2 * (a + b));
    return ResourceCount.of(Resource.LUT_AS_LOGIC, a * b + 2 * fullAdders + a + b)
        .add(Resource.CARRY4, Fabric.carry4s(a + b));
  }
}
