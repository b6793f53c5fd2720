package dev.silica.testbench.lib;

import static dev.silica.dsl.Hw.instance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Bundle;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Module;
import dev.silica.dsl.Ports;
import dev.silica.dsl.Stream;
import dev.silica.dsl.UInt;
import dev.silica.dsl.lib.Queue;
import dev.silica.dsl.lib.SkidBuffer;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Ready/valid stream ports, joined with connectAll, and the skid buffer against the queue contract. */
class StreamTest {

  /** A payload bundle: a data word and a last-of-packet flag. */
  static final class Beat extends Bundle {
    final UInt data;
    final Bool last;

    Beat(Ports p) {
      data = p.out("data", UInt.of(8));
      last = p.out("last", Bool.TYPE);
    }
  }

  /** A queue behind the module's own stream ports, joined by connectAll on both sides. */
  static final class Buffered extends Module {
    Buffered(int depth) {
      Stream<UInt> enq = Stream.sink("enq", UInt.of(6));
      Stream<UInt> deq = Stream.source("deq", UInt.of(6));
      Queue<UInt> queue = instance(() -> new Queue<>(UInt.of(6), depth));
      queue.enq.connectAll(enq);
      deq.connectAll(queue.deq);
    }
  }

  /** A skid buffer between stream ports named like a queue's. */
  static final class Skid extends Module {
    Skid() {
      Stream<UInt> enq = Stream.sink("enq", UInt.of(5));
      Stream<UInt> deq = Stream.source("deq", UInt.of(5));
      SkidBuffer<UInt> skid = instance(() -> new SkidBuffer<>(UInt.of(5)));
      skid.in.connectAll(enq);
      deq.connectAll(skid.out);
    }
  }

  private static String ports(Design d) {
    return d.topModule().ports().stream()
        .map(p -> (p.isInput() ? "in " : "out ") + p.name() + ":" + p.type())
        .collect(Collectors.joining(", "));
  }

  @Test
  void aSourceDrivesPayloadAndValidAndASinkIsTheSamePortsFlipped() {
    Design source = Elaborator.elaborate(Module.define("Producer", () -> {
      Stream<UInt> out = Stream.source("out", UInt.of(4));
      out.payload.connect(3);
      out.valid.connect(out.ready);
    }));
    assertEquals("out out_payload:u4, out out_valid:u1, in out_ready:u1", ports(source));
    Design sink = Elaborator.elaborate(Module.define("Consumer", () -> {
      Stream<UInt> in = Stream.sink("in", UInt.of(4));
      in.ready.connect(in.valid);
    }));
    assertEquals("in in_payload:u4, in in_valid:u1, out in_ready:u1", ports(sink));
  }

  @Test
  void aBundlePayloadGivesOnePortPerElement() {
    Design d = Elaborator.elaborate(Module.define("Beats", () -> {
      Stream<Beat> in = Stream.sinkOf("in", Beat::new);
      Stream<Beat> out = Stream.sourceOf("out", Beat::new);
      out.connectAll(in);
    }));
    assertEquals(
        "in in_payload_data:u8, in in_payload_last:u1, in in_valid:u1, out in_ready:u1, "
            + "out out_payload_data:u8, out out_payload_last:u1, out out_valid:u1, in out_ready:u1",
        ports(d));
  }

  @Test
  void joiningTwoProducersIsAnErrorAtTheUsersLine() {
    DesignError e = assertThrows(DesignError.class, () -> Elaborator.elaborate(Module.define("Twice", () -> {
      Stream<UInt> a = Stream.source("a", UInt.of(4));
      Stream<UInt> b = Stream.sink("b", UInt.of(4));
      Queue<UInt> q = instance(() -> new Queue<>(UInt.of(4), 2));
      q.deq.connectAll(a);
      q.deq.connectAll(b);
    })));
    assertEquals("StreamTest.java", e.locations().get(0).file());
    assertTrue(e.getMessage().contains("neither side can be driven"), e.getMessage());
  }

  @Test
  void aQueueBehindStreamPortsKeepsTheQueueContract() {
    try (Tester t = Tester.of(Elaborator.elaborate(() -> new Buffered(3)), Engine.SILICA)) {
      QueueDriver.Run run = QueueDriver.run(t, new QueueModel(3, false, false), 6, false, 3000, 5);
      assertTrue(run.cyclesFull() > 0 && run.cyclesEmpty() > 0, run.toString());
    }
  }

  @Test
  void theSkidBufferIsATwoItemQueueWithRegisteredReady() {
    try (Tester t = Tester.of(Elaborator.elaborate(Skid::new), Engine.SILICA)) {
      QueueDriver.Run run = QueueDriver.run(t, new QueueModel(2, false, false), 5, false, 3000, 6);
      assertTrue(run.cyclesFull() > 0 && run.cyclesEmpty() > 0, run.toString());
    }
  }

  @Test
  void theSkidBuffersReadyDoesNotFollowTheConsumerWithinACycle() {
    try (Tester t = Tester.of(Elaborator.elaborate(Skid::new), Engine.SILICA)) {
      t.poke("enq_valid", 1).poke("enq_payload", 3).poke("deq_ready", 0).reset();
      t.step(2);
      t.expect("enq_ready", 0, "two items held");
      t.poke("deq_ready", 1).expect("enq_ready", 0, "ready is a register: it rises only after the edge");
      t.step().expect("enq_ready", 1);
    }
  }
}
