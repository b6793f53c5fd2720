package dev.silica.ir;

/** An SSA value: computed once, combinationally, by {@code op}; its {@code type} follows {@link TypeRules}. */
public record Node(String name, Type type, Op op, SourceLoc loc) {}
