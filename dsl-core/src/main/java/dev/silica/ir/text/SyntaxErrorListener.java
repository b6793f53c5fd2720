package dev.silica.ir.text;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the parser's first syntax error into a {@link SirSyntaxError} naming the token found and,
 * in words, what the grammar expected there. Nothing is printed to the console.
 */
final class SyntaxErrorListener extends BaseErrorListener {

  /**
   * A set of tokens said as one phrase when all of them are expected: where the parser expects a
   * name it accepts every keyword too, and listing them all would bury the message.
   */
  private record Phrase(IntervalSet tokens, String words) {}

  private final String fileName;

  SyntaxErrorListener(String fileName) {
    this.fileName = fileName;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String antlrMessage,
      RecognitionException e) {
    Parser parser = (Parser) recognizer;
    Token found = (Token) offendingSymbol;
    IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
    throw new SirSyntaxError(fileName, line, charPositionInLine + 1, describe(found), describe(parser, expected));
  }

  private static String describe(Token found) {
    return found.getType() == Token.EOF ? "end of file" : "'" + found.getText() + "'";
  }

  private static String describe(Parser parser, IntervalSet expected) {
    IntervalSet remaining = new IntervalSet(expected);
    List<String> words = new ArrayList<>();
    for (Phrase phrase : phrases(parser)) {
      if (remaining.and(phrase.tokens()).equals(phrase.tokens())) {
        words.add(phrase.words());
        remaining = remaining.subtract(phrase.tokens());
      }
    }
    for (int type : remaining.toArray()) {
      words.add(tokenWords(parser, type));
    }
    return joinAlternatives(words);
  }

  /** The phrases to try, largest token set first. */
  private static List<Phrase> phrases(Parser parser) {
    return List.of(
        new Phrase(firstTokens(parser, Sir.RULE_name), "a name"),
        new Phrase(firstTokens(parser, Sir.RULE_op), "an operation"),
        new Phrase(firstTokens(parser, Sir.RULE_number), "a number"));
  }

  private static IntervalSet firstTokens(Parser parser, int rule) {
    return parser.getATN().nextTokens(parser.getATN().ruleToStartState[rule]);
  }

  private static String tokenWords(Parser parser, int type) {
    return switch (type) {
      case Token.EOF -> "end of file";
      case Sir.TYPE -> "a type (u8, s12)";
      case Sir.INT -> "an unsigned number";
      case Sir.STRING -> "a quoted string";
      default -> parser.getVocabulary().getDisplayName(type);
    };
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  private static String joinAlternatives(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }
}
