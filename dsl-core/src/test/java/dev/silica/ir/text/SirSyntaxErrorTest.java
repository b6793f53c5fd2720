package dev.silica.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Syntax errors name the file, line and column (from 1) of the first token that breaks the
 * grammar, what that token is, and what the grammar expected there, in words.
 */
class SirSyntaxErrorTest {

  /** A module {@code M} with input {@code a : u8}; {@code body} starts on line 4. */
  private static String module(String body) {
    return "design M\nmodule M {\n  in a : u8\n" + body;
  }

  private static String errorOf(String text) {
    return assertThrows(SirSyntaxError.class, () -> SirParser.parse(text, "t.sir")).getMessage();
  }

  @Test
  void aMissingTypeIsReportedAtTheTokenThatTookItsPlace() {
    assertEquals("t.sir:4:10: '@', expected a type (u8, s12)", errorOf(module("  in b : @ X.java:3\n}\n")));
  }

  @Test
  void anUnknownMnemonicIsNotAnOperation() {
    assertEquals("t.sir:4:12: 'frob', expected an operation", errorOf(module("  x : u8 = frob a, a\n}\n")));
  }

  @Test
  void aFileCutInsideANodeEndsWhereAnOperandWasExpected() {
    assertEquals("t.sir:4:18: end of file, expected a name", errorOf(module("  x : u9 = add a,")));
  }

  @Test
  void aFileCutBeforeTheClosingBraceOfAModule() {
    assertEquals("t.sir:5:1: end of file, expected a name or '}'", errorOf(module("  x : u9 = add a, a\n")));
  }

  @Test
  void aMissingCommaBetweenOperands() {
    assertEquals("t.sir:4:18: 'a', expected ','", errorOf(module("  x : u9 = add a a\n}\n")));
  }

  @Test
  void aNodeWithoutAColonBeforeItsType() {
    assertEquals("t.sir:4:5: 'u9', expected ':'", errorOf(module("  x u9 = add a, a\n}\n")));
  }

  @Test
  void aCharacterOutsideTheLanguageIsReportedAsFound() {
    assertEquals("t.sir:4:3: '#', expected a name or '}'", errorOf(module("  # x\n}\n")));
  }

  @Test
  void theTextMustStartWithTheDesignLine() {
    assertEquals("t.sir:1:1: 'module', expected 'design'", errorOf("module M {}\n"));
  }

  @Test
  void attributeValuesAreQuoted() {
    assertEquals("t.sir:2:15: 'v', expected a quoted string", errorOf("design M\nattribute k = v\nmodule M {}\n"));
  }

  @Test
  void aRegisterNeedsItsInitialValue() {
    assertEquals("t.sir:4:14: 'next', expected 'init'", errorOf(module("  reg r : u8 next a\n}\n")));
  }

  @Test
  void aConstantNeedsItsValue() {
    assertEquals("t.sir:5:1: '}', expected a number", errorOf(module("  x : u9 = const\n}\n")));
  }

  @Test
  void aWritePortNeedsItsData() {
    assertEquals(
        "t.sir:6:3: '}', expected 'data'", errorOf(module("  mem m : u8 depth 4 {\n    write addr a\n  }\n}\n")));
  }

  @Test
  void aSourceLocationNeedsALine() {
    assertEquals("t.sir:5:1: '}', expected ':'", errorOf(module("  x : u9 = add a, a @ X.java\n}\n")));
  }

  @Test
  void onlyModulesFollowTheAttributes() {
    assertEquals("t.sir:5:1: '}', expected end of file or 'module'", errorOf(module("}\n}\n")));
  }

  @Test
  void theErrorKnowsItsPosition() {
    SirSyntaxError e =
        assertThrows(SirSyntaxError.class, () -> SirParser.parse(module("  x u9 = add a, a\n}\n"), "pos.sir"));
    assertEquals("pos.sir", e.file());
    assertEquals(4, e.line());
    assertEquals(5, e.column());
  }

  @Test
  void aSyntaxErrorPrintsNothingToTheConsole() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      errorOf(module("  x : u8 = frob a, a\n}\n"));
    } finally {
      System.setErr(original);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }
}
