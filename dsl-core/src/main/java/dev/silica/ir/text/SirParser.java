package dev.silica.ir.text;

import dev.silica.ir.Design;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Reads Silica's IR text form ({@code .sir}, as {@link SirPrinter} writes it) back into a {@link
 * Design}, with no Java elaboration: the result simulates and emits exactly as the design that was
 * printed.
 *
 * <p>Elements without a source location ({@code @ File.java:17}) are located at their own line of
 * the text. Within a module, elements may refer to signals declared further down; a module may
 * only instantiate modules defined above it.
 */
public final class SirParser {

  private SirParser() {}

  /**
   * The design {@code text} describes.
   *
   * @param fileName the name used in error messages and in the location of unlocated elements
   * @throws SirSyntaxError at the first place the text breaks the grammar
   * @throws SirSemanticError for an unknown signal or module, a duplicate name, a declared type
   *     that disagrees with the width table, or a value that does not fit its type
   */
  public static Design parse(String text, String fileName) {
    SirLexer lexer = new SirLexer(CharStreams.fromString(text, fileName));
    lexer.removeErrorListeners();
    Sir parser = new Sir(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(new SyntaxErrorListener(fileName));
    return new DesignReader(new TreeLeaves(fileName)).read(parser.design());
  }

  /** Reads {@code file} (UTF-8); errors name it as given. */
  public static Design parse(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }
}
