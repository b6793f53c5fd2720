package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cases of one {@code switchOn}: each {@code is} becomes the next branch of a when/elseWhen
 * chain, {@code otherwise} its last branch; a value given twice is refused at its line.
 */
final class SwitchCases {

  private final SourceLoc switchLoc;
  private final Map<Object, SourceLoc> seen = new HashMap<>();
  private WhenChain chain;

  SwitchCases(SourceLoc switchLoc) {
    this.switchLoc = switchLoc;
  }

  /** The case {@code value} (shown as {@code shown}), taken when {@code matches} holds. */
  void is(Object value, String shown, Supplier<Bool> matches, Runnable body, SourceLoc loc) {
    SourceLoc previous = seen.putIfAbsent(value, loc);
    if (previous != null) {
      throw new DesignError(
          loc, "is(" + shown + ") repeats the case at " + previous + ": each value appears once in a switchOn");
    }
    Arguments.required(body, "the body of is(" + shown + ")");
    Bool condition = matches.get();
    chain = chain == null ? Hw.when(condition, body) : chain.elseWhen("is", condition, body, loc);
  }

  /** The branch taken when no case matches. */
  void otherwise(Runnable body, SourceLoc loc) {
    if (chain == null) {
      throw new DesignError(loc, "otherwise of the switchOn at " + switchLoc + " needs at least one is before it");
    }
    chain.otherwise("otherwise", body, loc);
  }
}
