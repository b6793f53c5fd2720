package dev.silica.ir;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A mistake in the user's design, reported like a compiler error: the message starts with the
 * Java file and line that made the offending element ({@code Fir.java:31: ...}). Errors that
 * involve several places (a combinational loop) list them all.
 */
public class DesignError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ImmutableList<SourceLoc> locations;

  public DesignError(SourceLoc loc, String message) {
    super(loc + ": " + message);
    this.locations = ImmutableList.of(loc);
  }

  /** An error about several elements, each given with its location in {@code detail} lines. */
  public DesignError(List<SourceLoc> locs, String message, List<String> detail) {
    super(
        (locs.isEmpty() ? SourceLoc.UNKNOWN : locs.get(0))
            + ": "
            + message
            + detail.stream().map(d -> "\n  " + d).collect(Collectors.joining()));
    this.locations = ImmutableList.copyOf(locs);
  }

  /** Where the error is, first the primary place. */
  public ImmutableList<SourceLoc> locations() {
    return locations;
  }
}
