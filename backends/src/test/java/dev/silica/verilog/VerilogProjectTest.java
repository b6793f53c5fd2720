package dev.silica.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.ir.pass.Passes;
import dev.silica.sim.IrBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory: complete with the flow scripts, replaced only when writing succeeds. */
class VerilogProjectTest {

  @TempDir Path tmp;

  private static Design register() {
    return IrBuilder.design(IrBuilder.module("Top").in("d", Type.u(4)).reg("q", Type.u(4), 0, "d", null).out("o", "q").build());
  }

  @Test
  void writesTheVerilogTheConstraintsAndBothFlowScripts() throws Exception {
    Path out = tmp.resolve("out");
    VerilogProject.write(register(), out, ProjectOptions.defaults().withClockMhz(125));
    assertEquals(Set.of("Top.v", "Top.xdc", "synth.ys", "vivado.tcl"), names(out));
    assertTrue(Files.readString(out.resolve("Top.xdc")).contains("create_clock -period 8.000 -name clk [get_ports clk]"));
    String tcl = Files.readString(out.resolve("vivado.tcl"));
    for (String step : new String[] {"synth_design -top Top -part xc7s15ftgb196-1", "route_design", "report_utilization", "report_timing_summary", "report_power", "write_checkpoint"}) {
      assertTrue(tcl.contains(step), step);
    }
    assertTrue(Files.readString(out.resolve("synth.ys")).contains("synth_xilinx -family xc7"));
  }

  @Test
  void theVivadoFlowReadsSimulatedActivityWhenPresentBeforeItsPowerReport() throws Exception {
    String tcl = VerilogProject.files(register(), ProjectOptions.defaults()).get("vivado.tcl");
    int read = tcl.indexOf("read_saif -strip_path Top ");
    assertTrue(read > tcl.indexOf("route_design") && read < tcl.indexOf("report_power"), tcl);
    assertTrue(tcl.contains("if {[file exists $here/" + VerilogProject.ACTIVITY_FILE + "]}"), tcl);
  }

  @Test
  void aBrokenDesignLeavesTheOldDirectoryUntouchedAndNoDebris() throws Exception {
    Path out = tmp.resolve("out");
    VerilogProject.write(register(), out, ProjectOptions.defaults());
    Design broken = IrBuilder.design(IrBuilder.module("Top").in("d", Type.u(4)).reg("q", Type.u(4), 0, "missing", null).out("o", "q").build());
    assertThrows(DesignError.class, () -> VerilogProject.write(broken, out, ProjectOptions.defaults()));
    assertEquals(Set.of("Top.v", "Top.xdc", "synth.ys", "vivado.tcl"), names(out));
    assertEquals(Set.of("out"), names(tmp), "no temporary directory is left beside it");
  }

  @Test
  void anExistingDirectoryIsReplacedWhole() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("stale.v"), "old");
    VerilogProject.write(register(), out, ProjectOptions.defaults());
    assertFalse(Files.exists(out.resolve("stale.v")));
    assertEquals(Set.of("out"), names(tmp));
  }

  /** {@code o = d + (3 + 3)}: optimization folds the constant sum. */
  private static Design foldable() {
    return IrBuilder.design(IrBuilder.module("Top").in("d", Type.u(5))
        .constant("three", Type.u(4), 3)
        .node("six", IrBuilder.bin(Op.BinaryKind.ADD, "three", "three"))
        .node("sum", IrBuilder.bin(Op.BinaryKind.ADD, "d", "six"))
        .out("o", "sum").build());
  }

  @Test
  void theDesignIsOptimizedByDefaultAndEmittedAsElaboratedOnRequest() {
    VerilogProject optimized = VerilogProject.of(foldable(), ProjectOptions.defaults());
    VerilogProject kept = VerilogProject.of(foldable(), ProjectOptions.defaults().withoutOptimization());
    assertEquals(VerilogEmitter.emit(Passes.standard().run(foldable())).files().get("Top.v"),
        optimized.files().get("Top.v"));
    assertFalse(optimized.files().get("Top.v").contains("4'd3"), optimized.files().get("Top.v"));
    assertTrue(kept.files().get("Top.v").contains("4'd3 + 4'd3"), kept.files().get("Top.v"));
    assertTrue(optimized.design().topModule().nodes().size() < kept.design().topModule().nodes().size());
  }

  private static Set<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
