package dev.silica.transformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  private static CsvTable read(String text) {
    return CsvTable.read("t.csv", new StringReader(text));
  }

  @Test
  void quotedFieldsLoseTheirQuotesAndKeepTheirColumn() {
    CsvTable table = read("\"a\",\"b\"\n1,\"xy\"\n");
    assertEquals(List.of("a", "b"), table.header());
    CsvTable.Row row = table.rows().get(0);
    assertEquals(List.of("1", "xy"), row.fields());
    assertEquals(3, row.columns()[1]);
    assertEquals(2, row.line());
  }

  @Test
  void aNonNumericValueIsReportedAtItsFileLineAndColumn() {
    CsvTable table = read("a,b\n1,2\n3,x4\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> table.number(table.rows().get(1), 1, "NA"));
    assertEquals(3, e.line());
    assertEquals(3, e.column());
    assertTrue(e.getMessage().startsWith("t.csv:3:3: column \"b\""), e.getMessage());
  }

  @Test
  void theMissingMarkerReadsAsNaN() {
    CsvTable table = read("a\nNA\n");
    assertTrue(Double.isNaN(table.number(table.rows().get(0), 0, "NA")));
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsRejectedWithItsLine() {
    DataFormatException e = assertThrows(DataFormatException.class, () -> read("a,b\n1,2\n3\n"));
    assertEquals(3, e.line());
  }

  @Test
  void anUnterminatedQuoteIsRejectedAtTheQuote() {
    DataFormatException e = assertThrows(DataFormatException.class, () -> read("a,b\n1,\"2\n"));
    assertEquals(2, e.line());
    assertEquals(3, e.column());
  }

  @Test
  void aMissingHeaderColumnIsNamed() {
    DataFormatException e = assertThrows(DataFormatException.class, () -> read("a\n1\n").column("O3"));
    assertTrue(e.getMessage().contains("\"O3\""), e.getMessage());
  }
}
