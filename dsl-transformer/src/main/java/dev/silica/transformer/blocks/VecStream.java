package dev.silica.transformer.blocks;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Bundle;
import dev.silica.dsl.Ports;
import dev.silica.dsl.Signal;
import dev.silica.dsl.SignalType;
import dev.silica.dsl.Vec;

/**
 * A valid/ready stream of {@code lanes} values per beat, for blocks that take a whole channel
 * vector at once: ports {@code out_data_0 .. out_data_{n-1}}, {@code out_valid}, {@code
 * out_ready}, {@code out_last}. Handshake as in {@link Stream}.
 */
public final class VecStream<T extends Signal> extends Bundle {

  public final Vec<T> data;
  public final Bool valid;
  public final Bool ready;
  public final Bool last;

  public VecStream(Ports ports, int lanes, SignalType<T> type) {
    data = ports.outVec("data", lanes, type);
    valid = ports.out("valid", Bool.TYPE);
    ready = ports.in("ready", Bool.TYPE);
    last = ports.out("last", Bool.TYPE);
  }
}
