package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Register;
import java.util.Optional;

/**
 * The flip-flops of a register: one FDRE per demanded bit (enable and reset go to its CE and R
 * pins), except the bits that are always zero ({@link KnownZeroBits}), the copied sign bits or zeros
 * of a register loaded from an extending resize (synthesis merges or removes them), and the
 * registers a DSP48E1 holds itself ({@link DspMapping}).
 */
final class FlipFlopCost {

  private final NetlistFacts facts;
  private final KnownZeroBits zeros;
  private final DspMapping dsp;

  FlipFlopCost(NetlistFacts facts, KnownZeroBits zeros, DspMapping dsp) {
    this.facts = facts;
    this.zeros = zeros;
    this.dsp = dsp;
  }

  /**
   * The flip-flops of {@code r}; none when the DSP48E1 holds it: the input registers of a
   * multiplier it implements (AREG, BREG), and the product register (PREG) of a multiplier or
   * post-adder in one slice or of a cascaded column of slices, which keeps only the low 17 bits of
   * each slice but the last in fabric.
   */
  int of(Register r) {
    Optional<DemandedBits.Range> range = facts.demanded().of(r.name());
    if (range.isEmpty() || dsp.feedsOnlyDsps(r.name())) {
      return 0;
    }
    // The register is the only reader: of its next value, or of the node behind the wiring to it.
    Node source = facts.throughWiring(r.next());
    if (source != null && facts.readerCount(source.name()) <= 1) {
      if (dsp.isPostAdder(source)) {
        return 0;
      }
      Optional<DspTiles> tiles = dsp.tiles(source);
      if (tiles.isPresent() && tiles.get().wide() == 1) {
        return DspMapping.CASCADE_SHIFT * (tiles.get().narrow() - 1);
      }
    }
    int lo = Math.max(range.get().lo(), zeros.lowBits(r.name()));
    int hi = range.get().hi();
    if (lo > hi) {
      return 0;
    }
    Node next = facts.node(r.next());
    if (next != null && next.op() instanceof Op.Resize resize && resize.width() > facts.type(resize.a()).width()) {
      int top = facts.type(resize.a()).width() - 1;
      return Math.min(hi, top) - Math.min(lo, top) + 1;
    }
    return hi - lo + 1;
  }
}
