package dev.silica.testbench;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.silica.dsl.Elaborated;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.dsl.samples.Mac;
import dev.silica.verilog.Tools;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Tester's ports named by the top module's own fields, resolved once into {@link PortHandle}s. */
class TypedPortsTest {

  /** Wide ports: {@code sum = x + y} (u100) and {@code neg = -s} (s80), and an internal node as a field. */
  static final class Wide extends Module {
    final UInt x = input("x", UInt.of(100));
    final UInt y = input("y", UInt.of(100));
    final SInt s = input("s", SInt.of(80));
    final UInt sum = output("sum", UInt.of(101));
    final SInt neg = output("neg", SInt.of(81));
    final UInt internal;

    Wide() {
      internal = x.add(y);
      sum.connect(internal);
      neg.connect(SInt.lit(0, 80).sub(s));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  @DisplayName("a MAC driven through its own fields accumulates signed products exactly as Java arithmetic does")
  void macThroughItsFieldsMatchesJavaArithmetic(Engine engine) {
    requireTool(engine);
    Elaborated<Mac> dut = Elaborator.elaborateModule(() -> new Mac(4, 4, 16));
    Mac mac = dut.top();
    Random random = new Random(13);
    long golden = 0;
    try (Tester t = Tester.of(dut, engine)) {
      t.poke(mac.clear, 0).poke(mac.valid, 0).reset();
      t.expect(mac.acc, 0);
      for (int cycle = 0; cycle < 40; cycle++) {
        long a = random.nextInt(16) - 8;
        long b = random.nextInt(16) - 8;
        boolean valid = random.nextInt(4) != 0;
        t.poke(mac.a, a).poke(mac.b, b).poke(mac.valid, valid ? 1 : 0).step();
        golden = valid ? (short) (golden + a * b) : golden;
        t.expect(mac.acc, golden, "after " + a + " * " + b + (valid ? "" : " not valid"));
        assertEquals(golden, t.peek(mac.acc));
      }
    }
  }

  @Test
  @DisplayName("wide ports take and give BigIntegers, and negative longs for signed ports")
  void widePortsTakeBigIntegersAndNegativeLongs() {
    Elaborated<Wide> dut = Elaborator.elaborateModule(Wide::new);
    Wide w = dut.top();
    BigInteger big = BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE);
    try (Tester t = Tester.of(dut, Engine.SILICA)) {
      t.poke(w.x, big).poke(w.y, 3).poke(w.s, -5);
      t.expect(w.sum, big.add(BigInteger.valueOf(3))).expect(w.neg, 5);
      assertEquals(big.add(BigInteger.valueOf(3)), t.peekBig(w.sum));
      assertThrows(ArithmeticException.class, () -> t.peek(w.sum));
      t.poke(w.s, Long.MIN_VALUE);
      assertEquals(BigInteger.valueOf(Long.MIN_VALUE).negate(), t.peekBig(w.neg));
      t.poke(w.s, Long.MAX_VALUE).expect(w.neg, -Long.MAX_VALUE);
      var e = assertThrows(AssertionError.class, () -> t.expect(w.neg, Long.MAX_VALUE));
      assertEquals("cycle 0: neg = -9223372036854775807, expected 9223372036854775807", e.getMessage());
    }
  }

  @Test
  @DisplayName("poking an output, a signal that is no port of the top, or a value out of range is a clear error")
  void misuseNamesThePort() {
    Elaborated<Wide> dut = Elaborator.elaborateModule(Wide::new);
    Elaborated<Mac> other = Elaborator.elaborateModule(() -> new Mac(4, 4, 16));
    try (Tester t = Tester.of(dut, Engine.SILICA)) {
      var output = assertThrows(IllegalArgumentException.class, () -> t.poke(dut.top().sum, 1));
      assertEquals("cannot poke 'sum': it is an output (inputs: x, y, s)", output.getMessage());
      var foreign = assertThrows(IllegalArgumentException.class, () -> t.poke(other.top().a, 1));
      assertTrue(foreign.getMessage().startsWith("the input 'a' of module Mac made at Mac.java:"), foreign.getMessage());
      assertTrue(foreign.getMessage().endsWith("is not a port of the top module Wide (its ports: x, y, s, sum, neg)"),
          foreign.getMessage());
      var internal = assertThrows(IllegalArgumentException.class, () -> t.peek(dut.top().internal));
      assertTrue(internal.getMessage().contains("TypedPortsTest.java:"), internal.getMessage());
      var range = assertThrows(IllegalArgumentException.class, () -> t.poke(dut.top().s, BigInteger.ONE.shiftLeft(79)));
      assertTrue(range.getMessage().startsWith("value 604462909807314587353088 does not fit input s of s80"),
          range.getMessage());
      assertThrows(IllegalArgumentException.class, () -> t.poke(dut.top().y, -1));
    }
    try (Tester t = Tester.of(dut.design(), Engine.SILICA)) {
      var bare = assertThrows(IllegalArgumentException.class, () -> t.poke(dut.top().x, 1));
      assertTrue(bare.getMessage().contains("made from a Design"), bare.getMessage());
    }
  }

  @Test
  @DisplayName("waiting, poking and peeking through handles allocate nothing per cycle on Silica's simulator")
  void handlesAllocateNothingPerCycle() {
    Elaborated<Mac> dut = Elaborator.elaborateModule(() -> new Mac(4, 4, 32));
    Mac mac = dut.top();
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (Tester t = Tester.of(dut, Engine.SILICA)) {
      t.reset().poke(mac.a, 1).poke(mac.b, 1).poke(mac.valid, 1);
      // past the simulator's switch to generated code, which allocates once
      assertEquals(300_000, t.waitFor(mac.acc, 300_000, 1_000_000));
      PortHandle acc = t.port(mac.acc);
      long before = threads.getCurrentThreadAllocatedBytes();
      int waited = t.waitFor("acc", 400_000, 1_000_000);
      long golden = 400_000;
      long peeked = 0;
      for (int i = 0; i < 100_000; i++) {
        t.poke(mac.a, i & 7).step();
        golden += i & 7;
        t.expect("acc", golden);
        peeked += t.peek(acc);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertEquals(100_000, waited);
      assertEquals(golden, t.peek(mac.acc));
      assertTrue(peeked > 0);
      assertTrue(allocated < 20_000, "allocated " + allocated + " bytes over 200,000 cycles");
    }
  }

  private static void requireTool(Engine engine) {
    switch (engine) {
      case VERILATOR -> Tools.require("verilator");
      case ICARUS -> Tools.require("iverilog");
      case SILICA -> { }
    }
  }
}
