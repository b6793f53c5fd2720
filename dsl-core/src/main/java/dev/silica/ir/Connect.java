package dev.silica.ir;

/** Drives output port {@code port} from signal {@code source} (of exactly the port's type). */
public record Connect(String port, String source, SourceLoc loc) {}
