package dev.silica.synth;

import com.google.common.collect.ImmutableList;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.silica.ir.Design;
import dev.silica.tools.ExternalTool;
import dev.silica.verilog.VerilogEmitter;
import dev.silica.verilog.VerilogSources;
import dev.silica.verilog.YosysReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthesizes a design with Yosys ({@code synth_xilinx -family xc7 -flatten}) and reads what the
 * mapped netlist uses of the {@link Device#XC7S15} and how deep its logic is. I/O buffers and the
 * clock buffer are left out ({@code -noiopad -noclkbuf}): they measure the board, not the design.
 */
public final class YosysSynth {

  /** How a table measured by Yosys is labelled. */
  public static final String SOURCE = "Yosys synth_xilinx";

  /** How long a run may take unless {@link #withTimeout} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern WARNING = Pattern.compile("^Warning: .*", Pattern.MULTILINE);
  private static final Pattern VERSION = Pattern.compile("Yosys (\\d+\\.\\d+)");
  private static final String STAT_FILE = "stat.txt";
  private static final String NETLIST_FILE = "mapped.blif";

  private final ExternalTool yosys;
  private final Duration timeout;

  private YosysSynth(ExternalTool yosys, Duration timeout) {
    this.yosys = yosys;
    this.timeout = timeout;
  }

  /** Yosys from the {@code PATH}, if installed. */
  public static Optional<YosysSynth> find() {
    return ExternalTool.find("yosys").map(tool -> new YosysSynth(tool, DEFAULT_TIMEOUT));
  }

  /** The same Yosys, giving up on a run after {@code timeout}. */
  public YosysSynth withTimeout(Duration timeout) {
    return new YosysSynth(yosys, timeout);
  }

  /**
   * A synthesis run: the resource table, Yosys's warnings (lines starting {@code Warning:}) and its
   * full log.
   */
  public record Report(ResourceTable table, ImmutableList<String> warnings, String log) {

    /**
     * The warnings about the design: all but those Yosys 0.23 prints about its own block RAM
     * library. Its RAMB18E1/RAMB36E1 mapping connects 64-bit data ports (8-bit parity, 4- or 8-bit
     * write enables) to the primitives' narrower ones for every block RAM, even the plain ROM
     * template of Vivado's synthesis guide, and warns "Resizing cell port mem.0.0.DOADO from 64
     * bits to 16 bits." for each data, write-enable or address port of the cell it made.
     */
    public ImmutableList<String> designWarnings() {
      return warnings.stream().filter(w -> !BLOCK_RAM_LIBRARY_WARNING.matcher(w).matches()).collect(ImmutableList.toImmutableList());
    }
  }

  private static final Pattern BLOCK_RAM_LIBRARY_WARNING =
      Pattern.compile("Warning: Resizing cell port [\\w.$]+\\.\\d+\\.\\d+\\.(DI|DO|WE|ADDR)\\w* from \\d+ bits to \\d+ bits\\.");

  /** Synthesizes {@code design} in a scratch directory, deleted afterwards. */
  public Report synthesize(Design design) throws IOException {
    VerilogSources sources = VerilogEmitter.emit(design);
    Path dir = Files.createTempDirectory("silica-yosys-");
    try {
      for (Map.Entry<String, String> f : sources.files().entrySet()) {
        Files.writeString(dir.resolve(f.getKey()), f.getValue());
      }
      String script =
          YosysReading.commands(sources)
              + "synth_xilinx -family xc7 -flatten -noiopad -noclkbuf -top " + sources.top() + "\n"
              + "tee -q -o " + STAT_FILE + " stat -tech xilinx\n"
              + "write_blif -impltf " + NETLIST_FILE + "\n";
      Files.writeString(dir.resolve("run.ys"), script);
      ExternalTool.Result result = yosys.run(dir, timeout, List.of("-q", "-l", "yosys.log", "-s", "run.ys"));
      String log = Files.exists(dir.resolve("yosys.log")) ? Files.readString(dir.resolve("yosys.log")) : result.output();
      if (!result.succeeded()) {
        throw new IOException("yosys failed on " + sources.top() + ":\n" + result.output());
      }
      ResourceTable table =
          new ResourceTable(
              source(log),
              Device.XC7S15,
              YosysStat.parse(Files.readString(dir.resolve(STAT_FILE))),
              Optional.of(new LogicDepth(MappedNetlistDepth.levels(Files.readString(dir.resolve(NETLIST_FILE))))));
      return new Report(table, warnings(log), log);
    } finally {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }

  private static ImmutableList<String> warnings(String log) {
    ImmutableList.Builder<String> found = ImmutableList.builder();
    Matcher m = WARNING.matcher(log);
    while (m.find()) {
      found.add(m.group());
    }
    return found.build();
  }

  private static String source(String log) {
    Matcher m = VERSION.matcher(log);
    return m.find() ? "Yosys " + m.group(1) : SOURCE;
  }
}
