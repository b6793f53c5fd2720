package dev.silica.ir;

import com.google.common.collect.ImmutableSet;

/**
 * Where the user's Java code created an IR element: a file name and a line, as in a compiler
 * diagnostic ({@code Counter.java:17}).
 */
public record SourceLoc(String file, int line) {

  /** The location used when none is known (e.g. for elements built by a pass). */
  public static final SourceLoc UNKNOWN = new SourceLoc("?", 0);

  private static final ImmutableSet<String> FRAMEWORK_PREFIXES =
      ImmutableSet.of("dev.silica.ir.", "dev.silica.dsl.", "java.", "jdk.", "sun.", "com.google.");

  /**
   * The first frame on the current stack outside Silica's own IR and DSL packages (and the JDK):
   * the line of user code that is building hardware right now.
   */
  public static SourceLoc capture() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !isFramework(f.getClassName()))
                    .findFirst()
                    .map(f -> new SourceLoc(f.getFileName() == null ? "?" : f.getFileName(), f.getLineNumber()))
                    .orElse(UNKNOWN));
  }

  /** Designs shipped inside Silica's packages, which are user code like any other. */
  private static final ImmutableSet<String> USER_CODE_PREFIXES = ImmutableSet.of("dev.silica.dsl.samples.");

  /** Silica's own classes, but not its tests or sample designs (whose designs are user code like any other). */
  private static boolean isFramework(String className) {
    String topLevel = className.split("\\$", 2)[0];
    return FRAMEWORK_PREFIXES.stream().anyMatch(className::startsWith)
        && USER_CODE_PREFIXES.stream().noneMatch(className::startsWith)
        && !topLevel.endsWith("Test");
  }

  /** {@code File.java:17}. */
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
