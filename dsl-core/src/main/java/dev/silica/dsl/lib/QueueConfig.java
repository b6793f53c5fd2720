package dev.silica.dsl.lib;

import dev.silica.ir.Memory;

/**
 * How a {@link Queue} is built.
 *
 * @param depth how many items it holds (at least 1)
 * @param storage {@link Memory.Style#BLOCK} reads its memory synchronously, as block RAM needs (one
 *     more register of payload width and an address comparator); {@code AUTO} and {@code
 *     DISTRIBUTED} read it combinationally (LUT RAM or flip-flops)
 * @param flow an item offered to an empty queue is offered at {@code deq} in the same cycle (no
 *     cycle of latency; {@code deq.valid} then depends combinationally on {@code enq.valid})
 * @param pipe a full queue takes an item in a cycle where one leaves (full throughput at depth 1;
 *     {@code enq.ready} then depends combinationally on {@code deq.ready})
 */
public record QueueConfig(int depth, Memory.Style storage, boolean flow, boolean pipe) {

  /** A queue of {@code depth} items, storage chosen by synthesis, neither flow nor pipe. */
  public static QueueConfig ofDepth(int depth) {
    return new QueueConfig(depth, Memory.Style.AUTO, false, false);
  }

  public QueueConfig withStorage(Memory.Style newStorage) {
    return new QueueConfig(depth, newStorage, flow, pipe);
  }

  public QueueConfig withFlow(boolean newFlow) {
    return new QueueConfig(depth, storage, newFlow, pipe);
  }

  public QueueConfig withPipe(boolean newPipe) {
    return new QueueConfig(depth, storage, flow, newPipe);
  }
}
