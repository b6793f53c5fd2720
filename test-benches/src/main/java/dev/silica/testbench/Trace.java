package dev.silica.testbench;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of signal values, one column per signal and one row per cycle: the stimulus fed to a
 * design and the outputs it produced. Its file form is CSV: a header line of signal names, then
 * one line per cycle of decimal integers (negative for signed values), comma-separated.
 */
public record Trace(ImmutableList<String> columns, ImmutableList<ImmutableList<BigInteger>> rows) {

  public Trace {
    for (ImmutableList<BigInteger> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("a row of " + row.size() + " values for " + columns.size() + " columns");
      }
    }
  }

  /** The value of {@code column} in {@code row}. */
  public BigInteger value(int row, String column) {
    int c = columns.indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException("the trace has no column " + column + " (columns: " + columns + ")");
    }
    return rows.get(row).get(c);
  }

  public int cycles() {
    return rows.size();
  }

  /**
   * Reads a CSV trace.
   *
   * @throws TraceFormatException naming the file, line and column of the first malformed entry
   */
  public static Trace read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String source = file.toString();
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new TraceFormatException(source, 1, 1, "the header line of signal names is missing");
    }
    ImmutableList<String> columns = ImmutableList.copyOf(Splitter.on(',').trimResults().split(lines.get(0)));
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).isEmpty()) {
        throw new TraceFormatException(source, 1, c + 1, "empty signal name");
      }
      if (columns.indexOf(columns.get(c)) != c) {
        throw new TraceFormatException(source, 1, c + 1, "signal " + columns.get(c) + " appears twice");
      }
    }
    ImmutableList.Builder<ImmutableList<BigInteger>> rows = ImmutableList.builder();
    for (int l = 1; l < lines.size(); l++) {
      if (lines.get(l).isBlank()) {
        continue;
      }
      List<String> cells = Splitter.on(',').trimResults().splitToList(lines.get(l));
      if (cells.size() != columns.size()) {
        throw new TraceFormatException(
            source, l + 1, Math.min(cells.size(), columns.size()) + 1,
            cells.size() + " values for " + columns.size() + " signals " + columns);
      }
      ImmutableList.Builder<BigInteger> row = ImmutableList.builder();
      for (int c = 0; c < cells.size(); c++) {
        row.add(parse(cells.get(c), source, l + 1, c + 1, columns.get(c)));
      }
      rows.add(row.build());
    }
    return new Trace(columns, rows.build());
  }

  private static BigInteger parse(String cell, String source, int line, int column, String signal) {
    if (!cell.matches("-?[0-9]+")) {
      throw new TraceFormatException(source, line, column, "'" + cell + "' for " + signal + " is not a decimal integer");
    }
    return new BigInteger(cell);
  }

  /** Writes this trace as CSV. */
  public void write(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      write(out);
    }
  }

  /** Writes this trace as CSV lines to {@code out}. */
  public void write(Writer out) throws IOException {
    out.write(String.join(",", columns));
    out.write('\n');
    for (List<BigInteger> row : rows) {
      out.write(row.stream().map(BigInteger::toString).collect(Collectors.joining(",")));
      out.write('\n');
    }
  }
}
