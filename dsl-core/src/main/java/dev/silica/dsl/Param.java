package dev.silica.dsl;

/** One parameter a {@link Generator} accepts: its name, its default value as text, and a one-line description. */
public record Param(String name, String defaultValue, String description) {}
