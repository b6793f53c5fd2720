package dev.silica.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import com.google.common.collect.ImmutableList;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;

/** The two laws of the text form: parse(print(d)) equals d, and printing that again gives the same text. */
class SirRoundTripTest {

  private static void assertRoundTrips(Design design) {
    String text = SirPrinter.print(design);
    Design parsed = SirParser.parse(text, "roundtrip.sir");
    assertEquals(design, parsed, () -> "parsed design differs; the text was\n" + text);
    assertEquals(text, SirPrinter.print(parsed));
  }

  @Test
  void everyConstructSurvivesPrintAndParse() {
    assertRoundTrips(SampleDesigns.everything());
  }

  @Test
  void instanceBindingsAndAttributesKeepTheirOrder() {
    Design design = SampleDesigns.everything();
    Design parsed = SirParser.parse(SirPrinter.print(design), "order.sir");
    Instance original = design.module("Top").instances().get(0);
    Instance reread = parsed.module("Top").instances().get(0);
    assertEquals(List.copyOf(original.inputs().keySet()), List.copyOf(reread.inputs().keySet()));
    assertEquals(List.copyOf(design.attributes().keySet()), List.copyOf(parsed.attributes().keySet()));
  }

  @Test
  void keywordsAndTypeNamesAreUsableAsNames() {
    ModuleDef.Builder leaf = ModuleDef.builder("module", SampleDesigns.at(1)).port(in("u8", Type.u(8)));
    for (String keyword : keywords()) {
      if (keyword.equals("reg") || keyword.equals("read")) {
        continue; // the names of the register and the read port below
      }
      leaf.node(new Node(keyword, Type.u(8), new Op.Unary(Op.UnaryKind.NOT, "u8"), SampleDesigns.at(2)));
    }
    leaf.port(new Port("out", Port.Direction.OUT, Type.u(8), SampleDesigns.at(3)))
        .connect(new Connect("out", "in", SampleDesigns.at(4)))
        .register(new Register("reg", Type.u(8), BigInteger.ZERO, "design", "s1", SampleDesigns.at(5)))
        .port(in("s1", Type.bool()))
        .memory(
            new Memory(
                "mem", 2, Type.u(8), ImmutableList.of(), Memory.Style.AUTO,
                ImmutableList.of(new Memory.ReadPort("read", "s1", true, "enable", SampleDesigns.at(6))),
                ImmutableList.of(new Memory.WritePort("s1", "data", "s1", SampleDesigns.at(7))),
                SampleDesigns.at(6)));
    ModuleDef top =
        ModuleDef.builder("top", SampleDesigns.at(10))
            .port(in("in", Type.u(8)))
            .port(in("s1", Type.bool()))
            .instance(new Instance("inst", "module", ImmutableMap.of("u8", "in", "s1", "s1"), SampleDesigns.at(11)))
            .build();
    Design design =
        new Design("top", ImmutableMap.of("module", leaf.build(), "top", top), ImmutableMap.of("design", "attribute"));
    assertRoundTrips(design);
    assertTrue(SirPrinter.print(design).contains("\n  add : u8 = not u8 @ Sample.java:2\n"));
  }

  @Test
  void namesThatNeedQuotesAreQuotedAndReadBack() {
    String text = SirPrinter.print(SampleDesigns.everything());
    assertTrue(text.contains("in \"odd name[0]\" : u8 @ Sample.java:15"), text);
    assertTrue(text.contains("@ \"My File.java\":62"), text);
    assertTrue(text.contains("attribute \"odd key\" = \"tab\\there, newline\\nand a backslash \\\\ and π and a bell \\u0007\""), text);
    assertRoundTrips(SampleDesigns.everything());
  }

  @Test
  void aWideMemoryInitIsWrittenInRowsOfSixteen() {
    String text = SirPrinter.print(SampleDesigns.everything());
    String rows =
        "    init [\n"
            + "      " + IntStream.range(0, 16).mapToObj(i -> Integer.toString(i * 13 - 128)).collect(Collectors.joining(", ")) + ",\n"
            + "      " + IntStream.range(16, 20).mapToObj(i -> Integer.toString(i * 13 - 128)).collect(Collectors.joining(", ")) + "\n"
            + "    ]\n";
    assertTrue(text.contains(rows), text);
  }

  private static Port in(String name, Type type) {
    return new Port(name, Port.Direction.IN, type, SampleDesigns.at(1));
  }

  /** Every word the lexer reserves, read from the generated vocabulary so that none is missed. */
  private static List<String> keywords() {
    Vocabulary vocabulary = Sir.VOCABULARY;
    return IntStream.rangeClosed(1, vocabulary.getMaxTokenType())
        .mapToObj(vocabulary::getLiteralName)
        .filter(literal -> literal != null && literal.matches("'[a-z]+'"))
        .map(literal -> literal.substring(1, literal.length() - 1))
        .collect(Collectors.toList());
  }
}
