package dev.silica.dsl.lib;

import static dev.silica.dsl.Hw.connect;
import static dev.silica.dsl.Hw.mem;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.param;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Mem;
import dev.silica.dsl.Module;
import dev.silica.dsl.Signal;
import dev.silica.dsl.SignalType;
import dev.silica.dsl.Stream;
import dev.silica.dsl.UInt;
import dev.silica.dsl.UserCode;
import dev.silica.ir.DesignError;
import dev.silica.ir.Memory;

/**
 * A synchronous first-in first-out queue of {@code depth} items in a memory.
 *
 * <p>Contract (every value below is what the ports show during a cycle, before its clock edge):
 *
 * <ul>
 *   <li>{@code count} is the number of items held; {@code empty} is {@code count == 0}, {@code
 *       full} is {@code count == depth}.
 *   <li>{@code enq.ready} is {@code !full} (with {@code pipe}: {@code !full || deq.ready}).
 *   <li>{@code deq.valid} is {@code !empty} and {@code deq.payload} the oldest item (with {@code
 *       flow}, when empty: {@code enq.valid} and {@code enq.payload}, which then leaves at once if
 *       {@code deq.ready}).
 *   <li>On the edge, an item enters when {@code enq} fires and leaves when {@code deq} fires; items
 *       leave in the order they entered, none lost or repeated. Reset empties the queue.
 * </ul>
 *
 * <p>Without flow and pipe, no ready or valid output depends combinationally on an input.
 */
public final class Queue<T extends Signal> extends Module {

  /** The largest depth accepted. */
  public static final int MAX_DEPTH = 1 << 20;

  /** Items enter here (the queue consumes). */
  public final Stream<T> enq;
  /** Items leave here, oldest first (the queue produces). */
  public final Stream<T> deq;
  /** How many items the queue holds. */
  public final UInt count;
  public final Bool full;
  public final Bool empty;

  /** A queue of {@code depth} items of {@code type} with synthesis-chosen storage. */
  public Queue(SignalType<T> type, int depth) {
    this(type, QueueConfig.ofDepth(depth));
  }

  public Queue(SignalType<T> type, QueueConfig config) {
    int depth = config.depth();
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new DesignError(UserCode.location(), "a Queue holds 1.." + MAX_DEPTH + " items, not " + depth);
    }
    param("depth", depth);
    param("type", type.toString());
    if (config.storage() != Memory.Style.AUTO) {
      param("storage", config.storage().mnemonic());
    }
    if (config.flow()) {
      param("flow", 1);
    }
    if (config.pipe()) {
      param("pipe", 1);
    }
    enq = Stream.sink("enq", type);
    deq = Stream.source("deq", type);
    int countBits = Integer.SIZE - Integer.numberOfLeadingZeros(depth);
    count = output("count", UInt.of(countBits));
    full = output("full", Bool.TYPE);
    empty = output("empty", Bool.TYPE);

    UInt held = reg("held", UInt.of(countBits));
    Bool isEmpty = held.eq(0).named("is_empty");
    Bool isFull = held.eq(depth).named("is_full");
    enq.ready.connect(config.pipe() ? isFull.not().or(deq.ready) : isFull.not());
    // with flow, an item offered to an empty queue that deq takes at once is never stored
    Bool doEnq = (config.flow() ? enq.fire().and(isEmpty.and(deq.ready).not()) : enq.fire()).named("do_enq");
    Bool doDeq = (config.flow() ? deq.fire().and(isEmpty.not()) : deq.fire()).named("do_deq");

    Mem<T> items = mem("items", type, depth).style(config.storage());
    int addressBits = items.addressWidth();
    UInt head = reg("head", UInt.of(addressBits));
    UInt tail = reg("tail", UInt.of(addressBits));
    UInt nextHead = mux(doDeq, successor(head, depth), head).named("next_head");
    head.connect(nextHead);
    when(doEnq, () -> {
      items.write(tail, enq.payload);
      tail.connect(successor(tail, depth));
    });
    when(doEnq.and(doDeq.not()), () -> held.connect(held.addWrap(1)))
        .elseWhen(doDeq.and(doEnq.not()), () -> held.connect(held.subWrap(1)));

    T oldest = config.storage() == Memory.Style.BLOCK ? readAhead(items, nextHead, tail, doEnq) : items.read(head);
    if (config.flow()) {
      deq.valid.connect(isEmpty.not().or(enq.valid));
      connect(deq.payload, mux(isEmpty, enq.payload, oldest));
    } else {
      deq.valid.connect(isEmpty.not());
      connect(deq.payload, oldest);
    }
    count.connect(held);
    full.connect(isFull);
    empty.connect(isEmpty);
  }

  /**
   * The word at the head after each edge, read synchronously from the head's next address: an item
   * written to that address on the same edge (read-first memories return the old word) is taken
   * from a register beside the memory instead.
   */
  private T readAhead(Mem<T> items, UInt nextHead, UInt tail, Bool doEnq) {
    T read = items.readSync(nextHead);
    Bool written = regNext("written", doEnq.and(tail.eq(nextHead)));
    T writtenItem = regNext("written_item", enq.payload);
    return mux(written, writtenItem, read);
  }

  /** {@code pointer + 1}, wrapping to 0 after {@code depth - 1}. */
  private static UInt successor(UInt pointer, int depth) {
    UInt next = pointer.addWrap(1);
    return depth == 1 << pointer.width() ? next : mux(pointer.eq(depth - 1), UInt.lit(0, pointer.width()), next);
  }
}
