package dev.silica.transformer.data;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated file with a header line, read whole. Fields may be double-quoted (a doubled
 * quote inside stands for one). Every field remembers its line and column, so a loader that
 * rejects a value can say exactly where it is.
 */
public final class CsvFile {

  private final String name;
  private final ImmutableList<String> header;
  private final ImmutableList<Row> rows;

  private CsvFile(String name, ImmutableList<String> header, ImmutableList<Row> rows) {
    this.name = name;
    this.header = header;
    this.rows = rows;
  }

  /** Reads {@code reader} to the end; {@code name} is how errors refer to the file. */
  public static CsvFile read(String name, Reader reader) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    String headerLine = lines.readLine();
    if (headerLine == null) {
      throw new MalformedDataException(name, 1, 1, "the file is empty; expected a header line");
    }
    ImmutableList<String> header = new Row(name, 1, headerLine).values();
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    int number = 1;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isEmpty()) {
        continue;
      }
      Row row = new Row(name, number, line);
      if (row.size() != header.size()) {
        throw new MalformedDataException(name, number, line.length() + 1,
            "expected " + header.size() + " fields as in the header, found " + row.size());
      }
      rows.add(row);
    }
    return new CsvFile(name, header, rows.build());
  }

  /** The 0-based index of the header column {@code column}. */
  public int column(String column) {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new MalformedDataException(name, 1, 1, "missing column \"" + column + "\" (header: " + header + ")");
    }
    return index;
  }

  public String name() {
    return name;
  }

  public ImmutableList<String> header() {
    return header;
  }

  public ImmutableList<Row> rows() {
    return rows;
  }

  /** One data line split into fields, each with its 1-based column. */
  public static final class Row {
    private final String file;
    private final int line;
    private final ImmutableList<String> values;
    private final int[] columns;

    Row(String file, int line, String text) {
      this.file = file;
      this.line = line;
      List<String> values = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      int i = 0;
      while (true) {
        starts.add(i + 1);
        StringBuilder field = new StringBuilder();
        if (i < text.length() && text.charAt(i) == '"') {
          int open = i++;
          while (true) {
            if (i >= text.length()) {
              throw new MalformedDataException(file, line, open + 1, "unterminated quoted field");
            }
            char c = text.charAt(i++);
            if (c == '"' && i < text.length() && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else if (c == '"') {
              break;
            } else {
              field.append(c);
            }
          }
          if (i < text.length() && text.charAt(i) != ',') {
            throw new MalformedDataException(file, line, i + 1, "expected ',' after a quoted field");
          }
        } else {
          while (i < text.length() && text.charAt(i) != ',') {
            field.append(text.charAt(i++));
          }
        }
        values.add(field.toString());
        if (i >= text.length()) {
          break;
        }
        i++;
      }
      this.values = ImmutableList.copyOf(values);
      this.columns = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public int size() {
      return values.size();
    }

    public String get(int index) {
      return values.get(index);
    }

    public ImmutableList<String> values() {
      return values;
    }

    /** The 1-based line number in the file. */
    public int line() {
      return line;
    }

    /** An error located at field {@code index} of this row. */
    public MalformedDataException error(int index, String problem) {
      return new MalformedDataException(file, line, columns[index], problem);
    }

    /** Field {@code index} as a number, or NaN when it equals {@code missing}. */
    public float number(int index, String name, String missing) {
      String text = values.get(index);
      if (text.equals(missing)) {
        return Float.NaN;
      }
      try {
        float value = Float.parseFloat(text);
        if (!Float.isFinite(value)) {
          throw error(index, name + " must be finite, got \"" + text + "\"");
        }
        return value;
      } catch (NumberFormatException e) {
        String allowed = missing.isEmpty() ? "empty" : missing;
        throw error(index, name + " must be a number or " + allowed + ", got \"" + text + "\"");
      }
    }

    /** Field {@code index} as an integer. */
    public int integer(int index, String name) {
      try {
        return Integer.parseInt(values.get(index));
      } catch (NumberFormatException e) {
        throw error(index, name + " must be an integer, got \"" + values.get(index) + "\"");
      }
    }
  }
}
