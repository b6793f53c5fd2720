package dev.silica.dsl;

import java.util.function.Function;

/**
 * A ready/valid stream: a payload and {@code valid} flow from producer to consumer, {@code ready}
 * flows back. One item moves on every clock edge where both are high ({@link #fire()}).
 *
 * <p>The contract, as in AXI4-Stream: once a producer raises {@code valid} it keeps it high, and
 * keeps the payload unchanged, until the item moves; {@code valid} must not wait for {@code ready}
 * (a consumer may wait for {@code valid} before raising {@code ready}).
 *
 * <p>A stream is a {@link Bundle} of ports named {@code name_payload}, {@code name_valid} and
 * {@code name_ready}. A module that produces items declares a {@link #source}, one that consumes
 * them a {@link #sink} (the same ports flipped). {@link Bundle#connectAll} joins a producer to a
 * consumer, each port in the direction it goes:
 *
 * <pre>{@code
 * Stream<UInt> in = Stream.sink("in", UInt.of(8));         // in_payload, in_valid (inputs), in_ready (output)
 * Queue<UInt> fifo = instance(() -> new Queue<>(UInt.of(8), 16));
 * fifo.enq.connectAll(in);
 * }</pre>
 *
 * @param <P> the payload: a {@link Signal}, or a {@link Bundle} whose elements are all outputs of
 *     the producer (ports {@code name_payload_element})
 */
public final class Stream<P> extends Bundle {

  /** The item: driven by the producer. */
  public final P payload;
  /** High when the producer offers an item: driven by the producer. */
  public final Bool valid;
  /** High when the consumer takes an item: driven by the consumer. */
  public final Bool ready;

  private Stream(Ports p, Function<Ports, P> makePayload) {
    payload = makePayload.apply(p);
    valid = p.out("valid", Bool.TYPE);
    ready = p.in("ready", Bool.TYPE);
  }

  /** The ports of a module that produces items of {@code type}: payload and valid out, ready in. */
  public static <T extends Signal> Stream<T> source(String name, SignalType<T> type) {
    return Hw.bundle(name, p -> new Stream<>(p, q -> q.out("payload", type)));
  }

  /** The ports of a module that consumes items of {@code type}: payload and valid in, ready out. */
  public static <T extends Signal> Stream<T> sink(String name, SignalType<T> type) {
    return Hw.bundle(name, p -> new Stream<>(p.flipped(), q -> q.out("payload", type)));
  }

  /** Like {@link #source(String, SignalType)} with a bundle payload made by {@code payload}. */
  public static <B extends Bundle> Stream<B> sourceOf(String name, Function<Ports, B> payload) {
    return Hw.bundle(name, p -> new Stream<>(p, q -> q.bundle("payload", payload)));
  }

  /** Like {@link #sink(String, SignalType)} with a bundle payload made by {@code payload}. */
  public static <B extends Bundle> Stream<B> sinkOf(String name, Function<Ports, B> payload) {
    return Hw.bundle(name, p -> new Stream<>(p.flipped(), q -> q.bundle("payload", payload)));
  }

  /** {@code valid && ready}: an item moves on this clock edge. Built in the module being elaborated. */
  public Bool fire() {
    return valid.and(ready);
  }
}
