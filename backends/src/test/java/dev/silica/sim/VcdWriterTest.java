package dev.silica.sim;

import static dev.silica.ir.Op.BinaryKind.ADD;
import static dev.silica.sim.IrBuilder.bin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VCD dump: scopes from the hierarchy, value changes per cycle, only inside its window. */
class VcdWriterTest {

  @TempDir Path dir;

  private static Simulator counterInside() {
    ModuleDef cnt = IrBuilder.module("cnt")
        .reg("n", Type.u(4), 0, "next", null)
        .constant("one", Type.u(4), 1)
        .node("sum", bin(ADD, "n", "one"))
        .node("next", new Op.Resize("sum", 4))
        .out("q", "n")
        .build();
    return Simulator.compile(IrBuilder.design(IrBuilder.module("top").inst("c0", cnt).out("y", "c0.q").build(), cnt));
  }

  @Test
  void scopesFollowTheInstanceHierarchy() throws Exception {
    Path file = dir.resolve("t.vcd");
    try (Simulator sim = counterInside()) {
      sim.dumpVcd(file);
      sim.step(3);
    }
    List<String> lines = Files.readAllLines(file);
    int top = lines.indexOf("$scope module top $end");
    int inner = lines.indexOf("$scope module c0 $end");
    assertTrue(top >= 0 && inner > top, lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\$var wire 4 \\S+ n \\$end")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\$var wire 1 \\S+ clk \\$end")), lines.toString());
    assertTrue(lines.contains("$enddefinitions $end"));
  }

  @Test
  void onlyCyclesInsideTheWindowAreDumpedAndEachValueChangeOnce() throws Exception {
    Path file = dir.resolve("w.vcd");
    try (Simulator sim = counterInside()) {
      sim.dumpVcd(file, 2, 4);
      sim.step(10);
    }
    List<String> lines = Files.readAllLines(file);
    List<String> times = lines.stream().filter(l -> l.startsWith("#")).toList();
    assertEquals(List.of("#20", "#25", "#30", "#35"), times);
    String code = lines.stream().filter(l -> l.endsWith(" n $end")).findFirst().orElseThrow().split(" ")[3];
    assertEquals(List.of("b10 " + code, "b11 " + code),
        lines.stream().filter(l -> l.endsWith(" " + code) && l.startsWith("b")).toList());
  }

  @Test
  void aWideningResizeIsItsOwnVariableAndChangesWithItsOperand() throws Exception {
    ModuleDef top = IrBuilder.module("top")
        .reg("n", Type.u(4), 0, "next", null)
        .constant("one", Type.u(4), 1)
        .node("sum", bin(ADD, "n", "one"))
        .node("next", new Op.Resize("sum", 4))
        .node("wide", new Op.Resize("n", 12))
        .out("y", "wide")
        .build();
    Path file = dir.resolve("r.vcd");
    try (Simulator sim = Simulator.compile(IrBuilder.design(top))) {
      sim.dumpVcd(file);
      sim.step(3);
    }
    List<String> lines = Files.readAllLines(file);
    String narrow = lines.stream().filter(l -> l.endsWith(" n $end")).findFirst().orElseThrow();
    String wide = lines.stream().filter(l -> l.endsWith(" wide $end")).findFirst().orElseThrow();
    assertTrue(narrow.startsWith("$var wire 4 ") && wide.startsWith("$var wire 12 "), narrow + " / " + wide);
    assertEquals(List.of("b0", "b1", "b10"), changes(lines, narrow.split(" ")[3]));
    assertEquals(changes(lines, narrow.split(" ")[3]), changes(lines, wide.split(" ")[3]));
  }

  private static List<String> changes(List<String> vcd, String code) {
    return vcd.stream().filter(l -> l.startsWith("b") && l.endsWith(" " + code)).map(l -> l.split(" ")[0]).toList();
  }
}
