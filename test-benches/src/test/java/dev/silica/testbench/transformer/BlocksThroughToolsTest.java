package dev.silica.testbench.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.silica.verilog.ExternalTool;
import dev.silica.verilog.Tools;
import dev.silica.verilog.VerilogEmitter;
import dev.silica.verilog.VerilogSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transformer block's Verilog passes {@code verilator --lint-only -Wall} without a message,
 * at 4, 6 and 8 bits and with every multiplier kind (skipped without Verilator, failing when
 * {@code -Dsilica.requireTools=true}).
 */
class BlocksThroughToolsTest {

  static List<BlockCases.Case> cases() {
    return BlockCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verilatorLintsTheBlockClean(BlockCases.Case c) throws IOException {
    ExternalTool verilator = Tools.require("verilator");
    VerilogSources sources = VerilogEmitter.emit(c.elaborate());
    Path dir = Files.createTempDirectory("silica-block-lint-");
    try {
      for (Map.Entry<String, String> f : sources.files().entrySet()) {
        Files.writeString(dir.resolve(f.getKey()), f.getValue());
      }
      List<String> args = new ArrayList<>(List.of("--lint-only", "-Wall", "--top-module", sources.top()));
      args.addAll(sources.verilogFiles());
      ExternalTool.Result result = verilator.run(dir, Duration.ofMinutes(2), args);
      assertEquals("", result.output().strip(), "verilator printed messages for " + c);
      assertEquals(0, result.exitCode());
    } finally {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }
}
