package dev.silica.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.verilog.VerilogProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of {@code energy}, on one test window of the default model. */
class EnergyCommandTest {

  @TempDir Path dir;

  @Test
  void printsEnergyByPartBesideThePublishedAndWritesTheProjectWithItsActivity() throws IOException {
    Path out = dir.resolve("build");
    CliRun run = CliRun.of("energy", "--windows", "1", "--static-mw", "40", "-o", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    for (String row : new String[] {"LUT logic", "flip-flops", "clock", "block RAM", "static (40 mW)", "total"}) {
      assertTrue(run.out().contains("  " + row), row + " missing in\n" + run.out());
    }
    assertTrue(run.out().matches("(?s).*\\n +\\(12,32,4\\) +0\\.084 mJ +\\(this model's shape\\)\\n.*"), run.out());
    List<String> lines = run.out().lines().toList();
    Matcher last = Pattern.compile("energy: mj=([0-9.]+) dynamic_mj=([0-9.]+) static_mj=([0-9.]+) cycles=(\\d+) exact=1/1")
        .matcher(lines.get(lines.size() - 1));
    assertTrue(last.matches(), lines.get(lines.size() - 1));
    double total = Double.parseDouble(last.group(1));
    double dynamic = Double.parseDouble(last.group(2));
    double staticPart = Double.parseDouble(last.group(3));
    assertEquals(total, dynamic + staticPart, 2e-5);
    assertTrue(dynamic > 0, run.out());
    assertTrue(Files.readString(out.resolve(VerilogProject.ACTIVITY_FILE)).startsWith("(SAIFILE"));
    assertTrue(Files.readString(out.resolve("vivado.tcl")).contains("read_saif"));
  }

  @Test
  void aWindowCountBelowOneIsAUsageError() {
    CliRun run = CliRun.of("energy", "--windows", "0", "-o", dir.resolve("x").toString());
    assertEquals(2, run.exitCode());
    assertEquals("silica: --windows must be >= 1, --clock-mhz positive and --static-mw not negative\n", run.err());
  }
}
