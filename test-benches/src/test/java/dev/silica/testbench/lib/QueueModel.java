package dev.silica.testbench.lib;

import java.util.ArrayDeque;

/**
 * The queue contract of {@link dev.silica.dsl.lib.Queue}'s javadoc in plain Java, over an {@link
 * ArrayDeque}: what the ready/valid outputs must show in a cycle, and what a clock edge does.
 */
final class QueueModel {

  private final int depth;
  private final boolean flow;
  private final boolean pipe;
  private final ArrayDeque<Long> items = new ArrayDeque<>();

  QueueModel(int depth, boolean flow, boolean pipe) {
    this.depth = depth;
    this.flow = flow;
    this.pipe = pipe;
  }

  int size() {
    return items.size();
  }

  boolean full() {
    return items.size() == depth;
  }

  boolean empty() {
    return items.isEmpty();
  }

  boolean enqReady(boolean deqReady) {
    return !full() || (pipe && deqReady);
  }

  boolean deqValid(boolean enqValid) {
    return !empty() || (flow && enqValid);
  }

  /** The item offered at deq (meaningful while {@link #deqValid}). */
  long deqPayload(long enqPayload) {
    return empty() ? enqPayload : items.peek();
  }

  /** The edge: the item leaving first (a flow pass-through never enters), then the one entering. */
  void edge(boolean enqFire, long enqPayload, boolean deqFire) {
    boolean passesThrough = flow && empty() && enqFire && deqFire;
    if (deqFire && !passesThrough) {
      items.remove();
    }
    if (enqFire && !passesThrough) {
      items.add(enqPayload);
    }
  }
}
