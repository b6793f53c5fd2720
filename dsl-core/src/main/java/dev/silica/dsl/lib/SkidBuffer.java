package dev.silica.dsl.lib;

import static dev.silica.dsl.Hw.connect;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.param;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.Signal;
import dev.silica.dsl.SignalType;
import dev.silica.dsl.Stream;

/**
 * A pipeline register for a ready/valid stream that keeps full throughput and cuts every
 * combinational path through it: {@code out.valid} and {@code out.payload} come from registers, and
 * so does {@code in.ready}. It holds up to two items: the one offered at {@code out}, and one caught
 * in a second (skid) register in the cycle {@code out} stalled while {@code in.ready} was still high.
 *
 * <p>Items leave in order, none lost or repeated; {@code in.ready} is high exactly when the skid
 * register is free. Reset empties it.
 */
public final class SkidBuffer<T extends Signal> extends Module {

  /** Items enter here. */
  public final Stream<T> in;
  /** Items leave here, one cycle after they enter at the earliest. */
  public final Stream<T> out;

  public SkidBuffer(SignalType<T> type) {
    param("type", type.toString());
    in = Stream.sink("in", type);
    out = Stream.source("out", type);

    Bool outFull = reg("out_full", Bool.TYPE);
    T outItem = reg("out_item", type);
    Bool skidFull = reg("skid_full", Bool.TYPE);
    T skidItem = reg("skid_item", type);
    Bool outFree = out.ready.or(outFull.not());
    in.ready.connect(skidFull.not());
    when(outFree, () -> {
      outFull.connect(skidFull.or(in.valid));
      connect(outItem, mux(skidFull, skidItem, in.payload));
      skidFull.connect(Bool.lit(false));
    }).otherwise(() -> when(in.fire(), () -> {
      skidFull.connect(Bool.lit(true));
      connect(skidItem, in.payload);
    }));
    out.valid.connect(outFull);
    connect(out.payload, outItem);
  }
}
