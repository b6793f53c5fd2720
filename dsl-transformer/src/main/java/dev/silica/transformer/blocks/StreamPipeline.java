package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.wire;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Signal;

/**
 * The control of a fixed-depth streaming pipeline: {@code depth} register stages that all advance
 * together when the last stage is empty or its beat is taken ({@code advance = !out_valid ||
 * out_ready}), carrying {@code valid} and {@code last} alongside the data. Latency {@code depth}
 * cycles, one beat per cycle while the consumer is ready; {@code advance} is the input's {@code
 * ready}. Datapaths register their values with {@link #stage}.
 */
public final class StreamPipeline {

  private final Bool advance;
  private final Bool outValid;
  private final Bool outLast;

  /**
   * @param inValid the (joined) input valid
   * @param inLast the input's last marker
   * @param outReady the consumer's ready
   * @param depth register stages, at least 1
   */
  public StreamPipeline(Bool inValid, Bool inLast, Bool outReady, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("a pipeline needs at least one stage, got " + depth);
    }
    this.advance = wire("advance", Bool.TYPE);
    Bool valid = inValid;
    Bool last = inLast;
    for (int i = 1; i <= depth; i++) {
      valid = regNext("valid_" + i, valid, advance);
      last = regNext("last_" + i, last, advance);
    }
    this.outValid = valid;
    this.outLast = last;
    advance.connect(outValid.not().or(outReady));
  }

  /** {@code value} registered in the next stage: it moves when the pipeline advances. */
  public <T extends Signal> T stage(String name, T value) {
    return regNext(name, value, advance);
  }

  /** High when every stage moves one step: the input's ready. */
  public Bool advance() {
    return advance;
  }

  public Bool outValid() {
    return outValid;
  }

  public Bool outLast() {
    return outLast;
  }
}
