package dev.silica.verilog;

import dev.silica.ir.DesignError;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes one memory in the shapes Vivado's synthesis guide (UG901) gives for RAM and ROM
 * inference, which Yosys recognizes too: a {@code reg} array with a {@code ram_style} or {@code
 * rom_style} attribute from the memory's {@link Memory.Style}; all write ports in one clocked block
 * in port order (so the later port wins); each synchronous read port its own clocked block reading
 * the array with a non-blocking assignment (read-first); asynchronous reads as continuous
 * assignments (distributed RAM only).
 *
 * <p>Contents start as the IR says: all zero (a loop), a few words written inline, or a {@code
 * $readmemh} file beside the Verilog. When the depth is not a power of two, addresses beyond it
 * read 0 and write nothing, as the IR defines; a synchronous port then registers whether its
 * address was in range next to the word, so the block RAM's output register stays intact.
 */
final class MemoryWriter {

  /** Memories of at most this many words with non-zero contents are initialized inline. */
  static final int INLINE_INIT_MAX_WORDS = 16;

  private final ModuleDef module;
  private final Memory memory;
  private final Identifiers ids;
  private final Operands operands;
  private final Lines out;
  private final Map<String, String> initFiles;
  private final String array;
  private final boolean fullDepth;
  /** For synchronous ports of a memory whose depth is not a power of two: the word and in-range registers. */
  private final Map<String, String> words = new HashMap<>();

  private final Map<String, String> inRangeFlags = new HashMap<>();

  MemoryWriter(ModuleDef module, Memory memory, Identifiers ids, Operands operands, Lines out, Map<String, String> initFiles) {
    this.module = module;
    this.memory = memory;
    this.ids = ids;
    this.operands = operands;
    this.out = out;
    this.initFiles = initFiles;
    this.array = ids.fresh(memory.name());
    this.fullDepth = memory.depth() == 1 << memory.addressWidth();
    if (memory.style() == Memory.Style.DISTRIBUTED && memory.writePorts().size() > 1) {
      throw new DesignError(
          memory.loc(),
          "memory '" + memory.name() + "' asks for distributed RAM but has " + memory.writePorts().size()
              + " write ports; distributed RAM has one: use one write port, or style auto (registers)");
    }
    if (memory.style() == Memory.Style.BLOCK && memory.readPorts().stream().anyMatch(rp -> !rp.sync())) {
      throw new DesignError(
          memory.loc(),
          "memory '" + memory.name() + "' asks for block RAM but has an asynchronous read port; block RAM reads"
              + " are synchronous: make the read port synchronous or the memory distributed");
    }
  }

  /** The array, its contents and the read ports' registers or wires. */
  void declare() {
    out.blank();
    String kind = memory.isRom() ? "ROM" : "RAM";
    out.add(1, "// " + kind + " " + memory.name() + ": " + memory.depth() + " words of " + memory.type() + (memory.loc().equals(SourceLoc.UNKNOWN) ? "" : ", " + memory.loc()));
    if (memory.style() != Memory.Style.AUTO) {
      String attribute = memory.isRom() ? "rom_style" : "ram_style";
      out.add(1, "(* " + attribute + " = \"" + memory.style().mnemonic() + "\" *)");
    }
    out.add(1, Lines.declaration("reg", memory.type(), array) + " [0:" + (memory.depth() - 1) + "];");
    writeContents();
    for (Memory.ReadPort rp : memory.readPorts()) {
      String name = ids.declare(rp.name());
      if (!rp.sync()) {
        out.add(1, Lines.declaration("wire", memory.type(), name) + ";" + Lines.at(rp.loc()));
      } else if (fullDepth) {
        out.add(1, Lines.declaration("reg", memory.type(), name) + " = " + zero() + ";" + Lines.at(rp.loc()));
      } else {
        String word = ids.fresh(rp.name() + "_word");
        String inRange = ids.fresh(rp.name() + "_in_range");
        words.put(rp.name(), word);
        inRangeFlags.put(rp.name(), inRange);
        out.add(1, Lines.declaration("reg", memory.type(), word) + " = " + zero() + ";" + Lines.at(rp.loc()));
        out.add(1, "reg " + inRange + " = 1'b0;");
        out.add(1, Lines.declaration("wire", memory.type(), name) + " = " + inRange + " ? " + word + " : " + zero() + ";");
      }
    }
  }

  /** The write block, the synchronous read blocks and the asynchronous read assignments. */
  void writeLogic() {
    if (!memory.writePorts().isEmpty()) {
      out.blank();
      out.add(1, "always @(posedge clk) begin");
      for (Memory.WritePort w : memory.writePorts()) {
        String condition = operands.ref(w.enable()) + (fullDepth ? "" : " && " + inRange(w.addr()));
        out.add(2, "if (" + condition + ") " + array + "[" + operands.ref(w.addr()) + "] <= " + operands.ref(w.data()) + ";");
      }
      out.add(1, "end");
    }
    for (Memory.ReadPort rp : memory.readPorts()) {
      String read = array + "[" + operands.ref(rp.addr()) + "]";
      String name = ids.of(rp.name());
      if (!rp.sync()) {
        out.blank();
        out.add(1, "assign " + name + " = " + (fullDepth ? read : inRange(rp.addr()) + " ? " + read + " : " + zero()) + ";");
        continue;
      }
      out.blank();
      out.add(1, "always @(posedge clk) begin");
      int depth = 2;
      if (rp.enable() != null) {
        out.add(2, "if (" + operands.ref(rp.enable()) + ") begin");
        depth = 3;
      }
      if (fullDepth) {
        out.add(depth, name + " <= " + read + ";");
      } else {
        out.add(depth, words.get(rp.name()) + " <= " + read + ";");
        out.add(depth, inRangeFlags.get(rp.name()) + " <= " + inRange(rp.addr()) + ";");
      }
      if (rp.enable() != null) {
        out.add(2, "end");
      }
      out.add(1, "end");
    }
  }

  private String inRange(String addr) {
    return "(" + operands.ref(addr) + " < " + Literals.of(BigInteger.valueOf(memory.depth()), Type.u(memory.addressWidth())) + ")";
  }

  private String zero() {
    return Literals.of(BigInteger.ZERO, memory.type());
  }

  private void writeContents() {
    if (memory.init().stream().allMatch(v -> v.signum() == 0)) {
      String index = ids.fresh(memory.name() + "_index");
      out.add(1, "integer " + index + ";");
      out.add(1, "initial for (" + index + " = 0; " + index + " < " + memory.depth() + "; " + index + " = " + index + " + 1) " + array + "[" + index + "] = " + zero() + ";");
    } else if (memory.depth() <= INLINE_INIT_MAX_WORDS) {
      out.add(1, "initial begin");
      for (int i = 0; i < memory.depth(); i++) {
        out.add(2, array + "[" + i + "] = " + Literals.of(memory.init().get(i), memory.type()) + ";");
      }
      out.add(1, "end");
    } else {
      String file = Identifiers.sanitize(module.name() + "_" + memory.name()) + ".mem";
      initFiles.put(file, memory.init().stream().map(v -> Literals.hexWord(v, memory.type())).collect(Collectors.joining("\n", "", "\n")));
      out.add(1, "initial $readmemh(\"" + file + "\", " + array + ");");
    }
  }
}
