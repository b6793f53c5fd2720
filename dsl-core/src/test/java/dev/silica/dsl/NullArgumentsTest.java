package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.when;
import static dev.silica.dsl.Hw.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Null where a value is needed is a design error naming what is missing at the user's line, never an NPE. */
class NullArgumentsTest {

  private final int[] line = new int[1];

  private void assertError(String message, Runnable body) {
    String actual = Ir.error(body).getMessage();
    assertEquals("NullArgumentsTest.java:" + line[0] + ": " + message, actual);
  }

  @Test
  @DisplayName("registers: a null reset value, type, enable or regNext value")
  void registers() {
    assertError("the reset value of register 'r' is null", () -> {
      line[0] = Ir.thisLine(); reg("r", UInt.of(4), (BigInteger) null, null);
    });
    assertError("the type of register 'r' is null", () -> {
      line[0] = Ir.thisLine(); reg("r", (SignalType<UInt>) null);
    });
    assertError("the enable of register 'r' is null", () -> {
      line[0] = Ir.thisLine(); reg("r", UInt.of(4), 3, null);
    });
    assertError("the value of register 'd' is null", () -> {
      line[0] = Ir.thisLine(); regNext("d", (UInt) null);
    });
  }

  @Test
  @DisplayName("ports, wires, connections, when, mux and literals")
  void everythingElse() {
    assertError("the type of port 'a' is null", () -> {
      line[0] = Ir.thisLine(); input("a", (SignalType<UInt>) null);
    });
    assertError("the default of wire 'w' is null", () -> {
      line[0] = Ir.thisLine(); wire("w", UInt.of(4), (Signal) null);
    });
    assertError("the value connected to output 'y' is null", () -> {
      UInt y = output("y", UInt.of(4));
      line[0] = Ir.thisLine(); y.connect((UInt) null);
    });
    assertError("the condition of when is null", () -> {
      line[0] = Ir.thisLine(); when(null, () -> { });
    });
    assertError("the true arm of mux is null", () -> {
      Bool s = input("s", Bool.TYPE);
      line[0] = Ir.thisLine(); mux(s, null, input("b", UInt.of(2)));
    });
    assertError("the literal's value is null", () -> {
      line[0] = Ir.thisLine(); UInt.lit((BigInteger) null, 4);
    });
    assertError("element 1 of the Vec is null", () -> {
      UInt a = input("a", UInt.of(2));
      line[0] = Ir.thisLine(); Vec.of(Arrays.asList(a, null));
    });
  }
}
