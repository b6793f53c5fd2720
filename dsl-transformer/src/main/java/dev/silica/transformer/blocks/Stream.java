package dev.silica.transformer.blocks;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Bundle;
import dev.silica.dsl.Ports;
import dev.silica.dsl.Signal;
import dev.silica.dsl.SignalType;

/**
 * A valid/ready stream of one value per beat (AXI-Stream style): a beat transfers on a clock edge
 * where {@code valid} and {@code ready} are both high; {@code last} marks the final beat of a row
 * or vector. Make the sending side with {@code bundle("out", p -> new Stream<>(p, type))} and the
 * receiving side with {@code p.flipped()}; ports are {@code out_data}, {@code out_valid}, {@code
 * out_ready}, {@code out_last}.
 */
public final class Stream<T extends Signal> extends Bundle {

  public final T data;
  public final Bool valid;
  public final Bool ready;
  public final Bool last;

  public Stream(Ports ports, SignalType<T> type) {
    data = ports.out("data", type);
    valid = ports.out("valid", Bool.TYPE);
    ready = ports.in("ready", Bool.TYPE);
    last = ports.out("last", Bool.TYPE);
  }
}
