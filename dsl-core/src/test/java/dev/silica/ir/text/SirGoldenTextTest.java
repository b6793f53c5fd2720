package dev.silica.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
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
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** What the text form looks like: a small two-module design and its text, written out by hand. */
class SirGoldenTextTest {

  private static final String TEXT =
      """
      design Lookup
      attribute generator = "lookup"
      attribute note = "a 4-entry \\"wave\\" table"

      module Counter @ Counter.java:9 {
        in en : u1 @ Counter.java:10
        out count : u4 @ Counter.java:11

        one : u4 = const 1 @ Counter.java:13
        sum : u5 = add value, one @ Counter.java:13
        wrapped : u4 = resize sum, 4 @ Counter.java:13

        reg value : u4 init 0 next wrapped enable en @ Counter.java:12

        connect count = value @ Counter.java:14
      }

      module Lookup @ Lookup.java:8 {
        in en : u1 @ Lookup.java:9
        out level : s8 @ Lookup.java:10

        index : u2 = slice counter.count, 1, 0 @ Lookup.java:14

        mem table : s8 depth 4 style distributed @ Lookup.java:12 {
          init [-128, -1, 0, 127]
          async read entry addr index @ Lookup.java:15
        }

        inst counter : Counter @ Lookup.java:13 {
          en = en
        }

        connect level = entry @ Lookup.java:16
      }
      """;

  private static SourceLoc counterAt(int line) {
    return new SourceLoc("Counter.java", line);
  }

  private static SourceLoc lookupAt(int line) {
    return new SourceLoc("Lookup.java", line);
  }

  private static Design lookup() {
    ModuleDef counter =
        ModuleDef.builder("Counter", counterAt(9))
            .port(new Port("en", Port.Direction.IN, Type.bool(), counterAt(10)))
            .port(new Port("count", Port.Direction.OUT, Type.u(4), counterAt(11)))
            .node(new Node("one", Type.u(4), new Op.Const(BigInteger.ONE, Type.u(4)), counterAt(13)))
            .node(new Node("sum", Type.u(5), new Op.Binary(Op.BinaryKind.ADD, "value", "one"), counterAt(13)))
            .node(new Node("wrapped", Type.u(4), new Op.Resize("sum", 4), counterAt(13)))
            .register(new Register("value", Type.u(4), BigInteger.ZERO, "wrapped", "en", counterAt(12)))
            .connect(new Connect("count", "value", counterAt(14)))
            .build();
    ImmutableList<BigInteger> wave =
        ImmutableList.of(BigInteger.valueOf(-128), BigInteger.valueOf(-1), BigInteger.ZERO, BigInteger.valueOf(127));
    ModuleDef lookup =
        ModuleDef.builder("Lookup", lookupAt(8))
            .port(new Port("en", Port.Direction.IN, Type.bool(), lookupAt(9)))
            .port(new Port("level", Port.Direction.OUT, Type.s(8), lookupAt(10)))
            .node(new Node("index", Type.u(2), new Op.Slice("counter.count", 1, 0), lookupAt(14)))
            .memory(
                new Memory(
                    "table", 4, Type.s(8), wave, Memory.Style.DISTRIBUTED,
                    ImmutableList.of(new Memory.ReadPort("entry", "index", false, null, lookupAt(15))),
                    ImmutableList.of(),
                    lookupAt(12)))
            .instance(new Instance("counter", "Counter", ImmutableMap.of("en", "en"), lookupAt(13)))
            .connect(new Connect("level", "entry", lookupAt(16)))
            .build();
    return new Design(
        "Lookup",
        ImmutableMap.of("Counter", counter, "Lookup", lookup),
        ImmutableMap.of("generator", "lookup", "note", "a 4-entry \"wave\" table"));
  }

  @Test
  void theDesignPrintsAsTheHandWrittenText() {
    assertEquals(TEXT, SirPrinter.print(lookup()));
  }

  @Test
  void theHandWrittenTextParsesToTheDesign() {
    assertEquals(lookup(), SirParser.parse(TEXT, "lookup.sir"));
  }
}
