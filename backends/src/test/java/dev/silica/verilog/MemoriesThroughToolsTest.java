package dev.silica.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.synth.Resource;
import dev.silica.synth.YosysSynth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every memory shape the emitter writes is lint-clean, compiles, and maps to the intended primitives. */
class MemoriesThroughToolsTest {

  @Test
  void verilatorLintsEveryMemoryShapeWithoutWarnings() throws Exception {
    VerilogChecks.lintClean(MemoryDesigns.allKinds());
  }

  @Test
  void icarusCompilesEveryMemoryShape() throws Exception {
    VerilogChecks.icarusClean(MemoryDesigns.allKinds());
  }

  @Test
  void theBlockStyleRamBecomesOneRamb18() throws Exception {
    Tools.require("yosys");
    YosysSynth.Report report = YosysSynth.find().orElseThrow().synthesize(MemoryDesigns.allKinds());
    assertEquals(List.of(), report.designWarnings());
    assertEquals(1, report.table().used(Resource.RAMB18), "256 x 8 fits one RAMB18");
    assertEquals(0, report.table().used(Resource.RAMB36));
  }

  @Test
  void largeRomContentsGoToAMemFileAndTinyOnesInline() {
    VerilogSources sources = VerilogEmitter.emit(MemoryDesigns.allKinds());
    assertEquals(List.of("Memories_table.mem"), List.copyOf(sources.memoryFiles().keySet()));
    String words = sources.memoryFiles().get("Memories_table.mem");
    assertEquals(40, words.lines().count());
    assertEquals("061", words.lines().toList().get(1), "word 1 is 97 = 0x061 in three hex digits");
    String verilog = sources.module("Memories");
    assertTrue(verilog.contains("$readmemh(\"Memories_table.mem\", table_1);"), verilog);
    assertTrue(verilog.contains("tiny[0] = 5'sh10;"), verilog);
    assertTrue(verilog.contains("(* ram_style = \"block\" *)"), verilog);
    assertTrue(verilog.contains("reg [11:0] table_1 [0:39];"), "the keyword 'table' is renamed");
  }
}
