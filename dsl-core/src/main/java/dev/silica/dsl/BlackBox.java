package dev.silica.dsl;

import com.google.common.io.Resources;
import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A module written in Verilog outside Silica (a vendor primitive such as {@code DSP48E1}, or your
 * own source), instantiated by name, with a Silica module as its simulation model. Subclass it:
 * declare the Verilog module's ports with {@link Hw#input}/{@link Hw#output} by their Verilog
 * names (its clock and reset excepted), its parameters, and the model, whose ports must be the
 * same:
 *
 * <pre>{@code
 * final class RegMul extends BlackBox {
 *   RegMul(int width) {
 *     super("RegMul");                       // the Verilog module's name
 *     verilogParam("WIDTH", width);          // #(.WIDTH(8))
 *     verilogSourceResource("/RegMul.v");    // copied into the project (omit for a vendor primitive)
 *     clock("clk");                          // the Verilog ports the clock and reset drive
 *     reset("rst");
 *     input("a", UInt.of(width));
 *     input("b", UInt.of(width));
 *     output("p", UInt.of(2 * width));
 *     model(() -> new RegMulModel(width));   // what Silica's simulator runs in its place
 *   }
 * }
 * }</pre>
 *
 * <p>The Verilog backend writes {@code RegMul #(.WIDTH(8)) inst (.clk(clk), .rst(rst), .a(..),
 * ...)} and no body; the simulator and the resource estimator see the model. A box holds only its
 * ports and its model; a model whose ports differ from the box's is an error at the line that
 * gives it.
 */
public abstract class BlackBox extends Module {

  private final BlackBoxSpec spec;

  /** A black box standing for the Verilog module {@code verilogModule}. */
  protected BlackBox(String verilogModule) {
    SourceLoc loc = UserCode.location();
    if (!dev.silica.ir.BlackBox.isIdentifier(verilogModule)) {
      throw new DesignError(loc, "'" + verilogModule + "' is not a Verilog module name");
    }
    spec = new BlackBoxSpec(verilogModule, loc);
    builder().blackBox = spec;
  }

  /** The Verilog parameter {@code name} set to the integer {@code value}: {@code #(.NAME(value))}. */
  protected final void verilogParam(String name, long value) {
    spec.parameter(name, new dev.silica.ir.BlackBox.Number(BigInteger.valueOf(value)), UserCode.location());
  }

  /** The Verilog parameter {@code name} set to the string {@code text}: {@code #(.NAME("text"))}. */
  protected final void verilogParam(String name, String text) {
    SourceLoc loc = UserCode.location();
    if (!text.chars().allMatch(c -> c >= ' ' && c <= '~' && c != '"' && c != '\\')) {
      throw new DesignError(loc, "Verilog parameter '" + name + "' must be printable text without \" or \\: '" + text + "'");
    }
    spec.parameter(name, new dev.silica.ir.BlackBox.Text(text), loc);
  }

  /** The Verilog port driven by the clock (needed when the model has state). */
  protected final void clock(String port) {
    spec.clock = spec.portName(port, "clock", UserCode.location());
  }

  /** The Verilog port driven by the synchronous active-high reset. */
  protected final void reset(String port) {
    spec.reset = spec.portName(port, "reset", UserCode.location());
  }

  /** The Verilog text of the module, written into the project beside Silica's files. */
  protected final void verilogSource(String text) {
    spec.source(text, UserCode.location());
  }

  /** Like {@link #verilogSource} with the text of a class-path resource of this class ({@code "/RegMul.v"}). */
  protected final void verilogSourceResource(String resource) {
    SourceLoc loc = UserCode.location();
    URL url = getClass().getResource(resource);
    if (url == null) {
      throw new DesignError(loc, "no Verilog source '" + resource + "' on the class path of " + getClass().getName());
    }
    try {
      spec.source(Resources.toString(url, StandardCharsets.UTF_8), loc);
    } catch (IOException e) {
      throw new DesignError(loc, "cannot read Verilog source '" + resource + "': " + e.getMessage());
    }
  }

  /**
   * The simulation model: an instance of the module {@code make} builds, whose ports must have the
   * box's names, directions and types; they are connected one to one. Returns the model.
   */
  protected final <M extends Module> M model(Supplier<M> make) {
    SourceLoc loc = UserCode.location();
    M model = Hw.instance("model", make);
    spec.model(builder(), model, loc);
    return model;
  }
}
