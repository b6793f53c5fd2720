package dev.silica.transformer.data;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated file read into memory with the position of every field, so that a value that
 * does not parse can be reported at its file, line and column. Fields may be double-quoted (no
 * embedded quotes or line breaks: the data files have none). Every row must have as many fields as
 * the header.
 */
public final class CsvTable {

  /** One data row: its fields, their 1-based start columns, and its 1-based line. */
  public record Row(int line, List<String> fields, int[] columns) {}

  private final String source;
  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(String source, List<String> header, List<Row> rows) {
    this.source = source;
    this.header = header;
    this.rows = rows;
  }

  /** Reads a whole table; the first line is the header. */
  public static CsvTable read(String source, Reader reader) {
    try (BufferedReader lines = new BufferedReader(reader)) {
      String first = lines.readLine();
      if (first == null) {
        throw new DataFormatException(source, 1, 1, "empty file, expected a header line");
      }
      List<String> header = split(source, 1, first).fields();
      List<Row> rows = new ArrayList<>();
      int lineNumber = 1;
      for (String text = lines.readLine(); text != null; text = lines.readLine()) {
        lineNumber++;
        if (text.isEmpty()) {
          continue;
        }
        Row row = split(source, lineNumber, text);
        if (row.fields().size() != header.size()) {
          throw new DataFormatException(source, lineNumber, text.length() + 1,
              "expected " + header.size() + " fields as in the header, found " + row.fields().size());
        }
        rows.add(row);
      }
      return new CsvTable(source, ImmutableList.copyOf(header), rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  private static Row split(String source, int line, String text) {
    List<String> fields = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int i = 0;
    while (true) {
      starts.add(i + 1);
      if (i < text.length() && text.charAt(i) == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          throw new DataFormatException(source, line, i + 1, "unterminated quoted field");
        }
        fields.add(text.substring(i + 1, close));
        i = close + 1;
        if (i < text.length() && text.charAt(i) != ',') {
          throw new DataFormatException(source, line, i + 1, "expected ',' after a quoted field");
        }
      } else {
        int comma = text.indexOf(',', i);
        int end = comma < 0 ? text.length() : comma;
        fields.add(text.substring(i, end));
        i = end;
      }
      if (i >= text.length()) {
        break;
      }
      i++;
    }
    return new Row(line, fields, starts.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The index of a header column; an error at line 1 when it is missing. */
  public int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new DataFormatException(source, 1, 1, "missing column \"" + name + "\" in header " + header);
    }
    return index;
  }

  /**
   * The number in field {@code index} of {@code row}, or NaN where the field equals {@code missing}.
   */
  public double number(Row row, int index, String missing) {
    String text = row.fields().get(index);
    if (text.equals(missing)) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw error(row, index, "column \"" + header.get(index) + "\": \"" + text + "\" is not a number");
    }
  }

  /** An error located at field {@code index} of {@code row}. */
  public DataFormatException error(Row row, int index, String problem) {
    return new DataFormatException(source, row.line(), row.columns()[index], problem);
  }

  public String source() {
    return source;
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }
}
