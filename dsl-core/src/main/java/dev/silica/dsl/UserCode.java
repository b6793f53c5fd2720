package dev.silica.dsl;

import com.google.common.collect.ImmutableSet;
import dev.silica.ir.SourceLoc;

/**
 * Finds the line of the user's Java code that is building hardware right now, so that every IR
 * element and every design error can name it the way a compiler does ({@code Counter.java:17}).
 */
public final class UserCode {

  private static final ImmutableSet<String> FRAMEWORK_PREFIXES =
      ImmutableSet.of("dev.silica.ir.", "dev.silica.dsl.", "java.", "jdk.", "sun.", "com.google.");

  /** Designs shipped inside Silica's packages, which are user code like any other. */
  private static final ImmutableSet<String> USER_CODE_PREFIXES = ImmutableSet.of("dev.silica.dsl.samples.");

  private UserCode() {}

  /**
   * The first frame on the current stack outside Silica's own IR and DSL packages (and the JDK),
   * or {@link SourceLoc#UNKNOWN} when there is none.
   */
  public static SourceLoc location() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !isFramework(f.getClassName()))
                    .findFirst()
                    .map(f -> new SourceLoc(f.getFileName() == null ? "?" : f.getFileName(), f.getLineNumber()))
                    .orElse(SourceLoc.UNKNOWN));
  }

  /** Silica's own classes, but not its tests or sample designs (whose designs are user code like any other). */
  private static boolean isFramework(String className) {
    String topLevel = className.split("\\$", 2)[0];
    return FRAMEWORK_PREFIXES.stream().anyMatch(className::startsWith)
        && USER_CODE_PREFIXES.stream().noneMatch(className::startsWith)
        && !topLevel.endsWith("Test");
  }
}
