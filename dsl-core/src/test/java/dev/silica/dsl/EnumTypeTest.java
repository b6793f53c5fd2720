package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.when;
import static dev.silica.dsl.Hw.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Register;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Enumerations in hardware: their encoding, literals, comparisons, registers, and what they refuse. */
class EnumTypeTest {

  enum One { ONLY }

  enum Light { RED, AMBER, GREEN }

  enum Op4 { ADD, SUB, AND, OR }

  enum Five { A, B, C, D, E }

  enum Color { RED, GREEN, BLUE }

  private final int[] line = new int[1];

  private void assertError(String message, Runnable body) {
    String actual = Ir.error(body).getMessage();
    assertEquals("EnumTypeTest.java:" + line[0] + ": " + message, actual);
  }

  @Test
  @DisplayName("the encoding is the ordinal in ceil(log2(constants)) bits, at least one")
  void encodingWidth() {
    assertEquals(Type.u(1), EnumType.of(One.class).irType());
    assertEquals(Type.u(2), EnumType.of(Light.class).irType());
    assertEquals(Type.u(2), EnumType.of(Op4.class).irType());
    assertEquals(Type.u(3), EnumType.of(Five.class).irType());
    assertEquals(List.of(Light.RED, Light.AMBER, Light.GREEN), EnumType.of(Light.class).constants());
    assertEquals("enum Five (u3)", EnumType.of(Five.class).toString());
  }

  @Test
  @DisplayName("a register of an enum resets to its initial constant and compares with is()")
  void registerAndIs() {
    ModuleDef m = Ir.top(() -> {
      Bool go = input("go", Bool.TYPE);
      HwEnum<Light> light = reg("light", EnumType.of(Light.class), Light.GREEN);
      when(go.and(light.is(Light.GREEN)), () -> light.connect(Light.AMBER))
          .elseWhen(go.and(light.is(Light.AMBER)), () -> light.connect(Light.RED))
          .elseWhen(go, () -> light.connect(Light.GREEN));
      output("amber", Bool.TYPE).connect(light.is(Light.AMBER));
      output("code", UInt.of(2)).connect(light.asUInt());
    });
    Register light = Ir.register(m, "light");
    assertEquals(Type.u(2), light.type());
    assertEquals(BigInteger.TWO, light.init());
    Op.Binary amber = (Op.Binary) Ir.node(m, Ir.driver(m, "amber")).op();
    assertEquals(Op.BinaryKind.EQ, amber.kind());
    assertEquals(new Op.Const(BigInteger.ONE, Type.u(2)), Ir.node(m, amber.b()).op());

    IrRun run = new IrRun(m);
    assertEquals(2, run.peek("code"));
    run.poke("go", 1).step();
    assertEquals(1, run.peek("code"));
    assertEquals(1, run.peek("amber"));
    run.step();
    assertEquals(0, run.peek("code"));
    run.poke("go", 0).step();
    assertEquals(0, run.peek("code"));
    run.poke("go", 1).step();
    assertEquals(2, run.peek("code"));
  }

  @Test
  @DisplayName("fromBits reads an instruction field as an enum; eq, ne, is and isNot compare")
  void fromBitsAndEq() {
    ModuleDef m = Ir.top(() -> {
      EnumType<Op4> ops = EnumType.of(Op4.class);
      HwEnum<Op4> op = ops.fromBits(input("word", UInt.of(2)));
      HwEnum<Op4> last = reg("last", ops, Op4.OR);
      last.connect(op);
      output("same", Bool.TYPE).connect(op.eq(last));
      output("differs", Bool.TYPE).connect(op.ne(last));
      output("is_and", Bool.TYPE).connect(op.is(Op4.AND));
      output("not_or", Bool.TYPE).connect(op.isNot(Op4.OR));
    });
    IrRun run = new IrRun(m).poke("word", 3);
    assertEquals(1, run.peek("same"));
    assertEquals(0, run.peek("not_or"));
    run.poke("word", 2);
    assertEquals(0, run.peek("same"));
    assertEquals(1, run.peek("differs"));
    assertEquals(1, run.peek("is_and"));
    assertEquals(1, run.peek("not_or"));
    run.step();
    assertEquals(1, run.peek("same"));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  @DisplayName("connecting another enum is a design error at the user's line, even past Java's types")
  void anotherEnum() {
    assertError("cannot connect enum Color to register 'light' of enum Light: an enumeration connects only from"
        + " values of its own type", () -> {
          HwEnum light = reg("light", EnumType.of(Light.class), Light.RED);
          HwEnum color = EnumType.of(Color.class).lit(Color.BLUE);
          line[0] = Ir.thisLine(); light.connect(color);
        });
  }

  @Test
  @DisplayName("a UInt of the same width does not stand for an enum, as a wire default or a mux arm")
  void rawUInt() {
    assertError("cannot connect u2 to wire 'w' of enum Light: connect constants of Light, or convert bits with"
        + " fromBits", () -> {
          UInt bits = input("bits", UInt.of(2));
          line[0] = Ir.thisLine(); wire("w", EnumType.of(Light.class), bits);
        });
  }

  @Test
  @DisplayName("an enum is not the default of a UInt wire, a mux does not mix enum and UInt, nor a wire default")
  void mixingInMuxWireAndOutputs() {
    assertError("the arms of mux must have one type, not enum Light and u2", () -> {
      HwEnum<Light> light = reg("light", EnumType.of(Light.class), Light.RED);
      Signal bits = input("bits", UInt.of(2));
      line[0] = Ir.thisLine(); mux(input("s", Bool.TYPE), light, bits);
    });
    assertError("cannot connect enum Light to wire 'w' of u2: asUInt() gives the enumeration's encoding", () -> {
      HwEnum<Light> light = reg("light", EnumType.of(Light.class), Light.RED);
      line[0] = Ir.thisLine(); wire("w", UInt.of(2), light);
    });
    assertError("cannot connect enum Color to wire 'w' of enum Light: an enumeration connects only from values of"
        + " its own type", () -> {
          line[0] = Ir.thisLine(); wire("w", EnumType.of(Light.class), EnumType.of(Color.class).lit(Color.RED));
        });
  }

  @Test
  @DisplayName("numeric literals of an enum, a null constant and a wrong-width fromBits are refused")
  void literalRefusals() {
    assertError("enum Light has no numeric literals: use lit(Light.RED) and the other constants", () -> {
      line[0] = Ir.thisLine(); EnumType.of(Light.class).lit(1);
    });
    assertError("the Light constant is null", () -> {
      HwEnum<Light> light = reg("light", EnumType.of(Light.class), Light.RED);
      line[0] = Ir.thisLine(); light.connect((Light) null);
    });
    assertError("enum Five is encoded in 3 bits, not 4: resize(3) the bits first", () -> {
      UInt word = input("word", UInt.of(4));
      line[0] = Ir.thisLine(); EnumType.of(Five.class).fromBits(word);
    });
  }

  @Test
  @DisplayName("a register of an enum with a null reset state is a design error, not a NullPointerException")
  void nullResetState() {
    assertError("the reset state of register 'light' is null", () -> {
      line[0] = Ir.thisLine(); reg("light", EnumType.of(Light.class), null);
    });
  }
}
