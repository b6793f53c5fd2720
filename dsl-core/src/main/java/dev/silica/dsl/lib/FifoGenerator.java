package dev.silica.dsl.lib;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.Params;
import dev.silica.dsl.UInt;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.Type;

/** The {@code fifo} generator: a {@link Queue} of unsigned items with ready/valid ports. */
public final class FifoGenerator implements Generator {

  @Override
  public String name() {
    return "fifo";
  }

  @Override
  public String description() {
    return "A synchronous FIFO queue with ready/valid enq and deq streams, count, full and empty.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("width", "8", "bits of each item (1.." + Type.MAX_WIDTH + ")"),
        new Param("depth", "16", "items it holds (1.." + Queue.MAX_DEPTH + ")"),
        new Param("storage", "auto", "memory: auto, distributed (read combinationally) or block (read synchronously)"),
        new Param("flow", "false", "true: an item offered to an empty queue leaves in the same cycle"),
        new Param("pipe", "false", "true: a full queue takes an item in a cycle where one leaves"));
  }

  @Override
  public Design elaborate(Params p) {
    int width = p.getInt("width", 1, Type.MAX_WIDTH);
    QueueConfig config =
        QueueConfig.ofDepth(p.getInt("depth", 1, Queue.MAX_DEPTH))
            .withStorage(p.getEnum("storage", Memory.Style.class))
            .withFlow(p.getBoolean("flow"))
            .withPipe(p.getBoolean("pipe"));
    return Elaborator.elaborate(() -> new Queue<>(UInt.of(width), config), p.designAttributes());
  }
}
