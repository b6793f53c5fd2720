package dev.silica.ir.text;

import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/** One namespace of a {@code .sir} text (modules, ports, signals...): a second declaration of a name is an error. */
final class UniqueNames {

  private final TreeLeaves leaves;
  private final String what;
  private final Map<String, Token> firstDeclarations = new HashMap<>();

  /** {@code what} names the kind of element in messages ({@code "module"}). */
  UniqueNames(TreeLeaves leaves, String what) {
    this.leaves = leaves;
    this.what = what;
  }

  /** Records {@code name}, declared at {@code at}; throws if it was declared before. */
  void add(String name, Token at) {
    Token first = firstDeclarations.putIfAbsent(name, at);
    if (first != null) {
      throw leaves.error(at, what + " '" + name + "' is declared twice (first at line " + first.getLine() + ")");
    }
  }
}
