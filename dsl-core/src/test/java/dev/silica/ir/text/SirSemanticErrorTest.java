package dev.silica.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A text that follows the grammar but describes no valid design is rejected with the file, line
 * and column of the offending word and what is wrong with it.
 */
class SirSemanticErrorTest {

  /** A module {@code M} with inputs {@code a : u8} and {@code s : s8}; {@code body} starts on line 5. */
  private static String module(String body) {
    return "design M\nmodule M {\n  in a : u8\n  in s : s8\n" + body + "}\n";
  }

  private static String errorOf(String text) {
    return assertThrows(SirSemanticError.class, () -> SirParser.parse(text, "t.sir")).getMessage();
  }

  @Test
  void anOperandMustBeASignalOfTheModule() {
    assertEquals("t.sir:5:19: module 'M' has no signal named 'b'", errorOf(module("  x : u9 = add a, b\n")));
  }

  @Test
  void aDeclaredTypeMustBeWhatTheWidthTableGives() {
    assertEquals("t.sir:5:7: 'x' is declared u8, but add gives u9", errorOf(module("  x : u8 = add a, a\n")));
  }

  @Test
  void anOperationTheWidthTableForbidsIsReportedAtTheOperation() {
    assertEquals(
        "t.sir:5:12: add mixes signed and unsigned (u8, s8): cast one of them explicitly",
        errorOf(module("  x : u9 = add a, s\n")));
  }

  @Test
  void aConstantMustFitItsType() {
    assertEquals("t.sir:5:18: the constant 256 does not fit u8 (0..255)", errorOf(module("  c : u8 = const 256\n")));
    assertEquals("t.sir:5:18: the constant -129 does not fit s8 (-128..127)", errorOf(module("  c : s8 = const -129\n")));
    assertEquals("t.sir:5:18: the constant -1 does not fit u8 (0..255)", errorOf(module("  c : u8 = const -1\n")));
  }

  @Test
  void aRegisterInitialValueMustFitItsType() {
    assertEquals(
        "t.sir:5:19: the value 8 does not fit s4 (-8..7)", errorOf(module("  reg r : s4 init 8 next r\n")));
  }

  @Test
  void aMemoryInitializerHoldsExactlyDepthWords() {
    assertEquals(
        "t.sir:6:5: 3 initial words for a memory of depth 4",
        errorOf(module("  mem m : u8 depth 4 {\n    init [1, 2, 3]\n  }\n")));
  }

  @Test
  void widthsLieBetweenOneAndTheMaximum() {
    assertEquals("t.sir:5:10: the width of u0 is outside 1..1024", errorOf(module("  in b : u0\n")));
    assertEquals("t.sir:5:10: the width of s1025 is outside 1..1024", errorOf(module("  in b : s1025\n")));
  }

  @Test
  void aSignalNameIsDeclaredOnce() {
    assertEquals(
        "t.sir:5:7: signal 'a' is declared twice (first at line 3)", errorOf(module("  reg a : u8 init 0 next a\n")));
  }

  @Test
  void aModuleNameIsDefinedOnce() {
    assertEquals(
        "t.sir:3:8: module 'M' is declared twice (first at line 2)", errorOf("design M\nmodule M {}\nmodule M {}\n"));
  }

  @Test
  void anInstanceNamesAModuleDefinedAboveIt() {
    assertEquals(
        "t.sir:5:12: there is no module named 'Later' before this instance",
        errorOf(module("  inst i : Later\n") + "module Later {}\n"));
  }

  @Test
  void anInstanceBindsOnlyInputsOfItsModule() {
    String text = "design Top\nmodule Leaf {\n  in d : u8\n}\nmodule Top {\n  in a : u8\n  inst i : Leaf {\n    q = a\n  }\n}\n";
    assertEquals("t.sir:8:5: module 'Leaf' has no input named 'q'", errorOf(text));
  }

  @Test
  void aConnectionDrivesAnOutputOfTheModule() {
    assertEquals("t.sir:5:11: module 'M' has no output named 'a'", errorOf(module("  connect a = s\n")));
  }

  @Test
  void theTopModuleMustBeDefined() {
    assertEquals("t.sir:1:8: the top module 'Top' is not defined in this file", errorOf("design Top\nmodule M {}\n"));
  }

  @Test
  void sliceBoundsAreHighThenLow() {
    assertEquals("t.sir:5:24: slice bounds are hi, lo: 5 is above 3", errorOf(module("  x : u3 = slice a, 3, 5\n")));
  }
}
