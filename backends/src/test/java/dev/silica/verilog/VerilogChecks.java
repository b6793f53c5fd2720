package dev.silica.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.silica.ir.Design;
import dev.silica.tools.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs Verilator's lint and Icarus Verilog on a design's emitted Verilog and demands silence. */
public final class VerilogChecks {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private VerilogChecks() {}

  /** {@code verilator --lint-only -Wall}: no warning, no error, no waiver file. */
  public static void lintClean(Design design) throws IOException {
    runSilently(design, Tools.require("verilator"), sources -> list("--lint-only", "-Wall", "--top-module", sources.top(), sources.verilogFiles()));
  }

  /** {@code iverilog -g2005}: compiles with no message. */
  public static void icarusClean(Design design) throws IOException {
    runSilently(design, Tools.require("iverilog"), sources -> list("-g2005", "-o", "/dev/null", "-s", sources.top(), sources.verilogFiles()));
  }

  private static List<String> list(Object... parts) {
    List<String> args = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof List<?> l) {
        l.forEach(x -> args.add((String) x));
      } else {
        args.add((String) p);
      }
    }
    return args;
  }

  private static void runSilently(Design design, ExternalTool tool, java.util.function.Function<VerilogSources, List<String>> arguments)
      throws IOException {
    VerilogSources sources = VerilogEmitter.emit(design);
    Path dir = Files.createTempDirectory("silica-check-");
    try {
      for (Map.Entry<String, String> f : sources.files().entrySet()) {
        Files.writeString(dir.resolve(f.getKey()), f.getValue());
      }
      ExternalTool.Result result = tool.run(dir, TIMEOUT, arguments.apply(sources));
      assertEquals(0, result.exitCode(), tool.executable().getFileName() + " failed:\n" + result.output());
      assertEquals("", result.output().strip(), tool.executable().getFileName() + " printed messages");
    } finally {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }
}
