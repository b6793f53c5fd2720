package dev.silica.ir;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * What makes a {@link ModuleDef} a black box: a module written in Verilog outside Silica (a vendor
 * primitive such as {@code DSP48E1}, or the user's own source), which the Verilog backend
 * instantiates by {@code verilogModule} with {@code #(.NAME(value))} for every parameter, and whose
 * body it never writes. The module's own ports are the Verilog module's ports, by the same names;
 * its body is the simulation model, an ordinary Silica circuit that the simulator and the
 * estimator see like any other (usually one instance of the model module).
 *
 * <p>The module's implicit clock and reset reach the Verilog ports named {@code clock} and {@code
 * reset} (null when the Verilog module has none). {@code source} is the Verilog text of the module,
 * copied into the project, or null for a module the tools already know (a vendor primitive).
 */
public record BlackBox(
    String verilogModule, ImmutableMap<String, Value> parameters, String clock, String reset, String source) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  public BlackBox {
    Preconditions.checkArgument(isIdentifier(verilogModule), "'%s' is not a Verilog module name", verilogModule);
    parameters.keySet().forEach(p -> Preconditions.checkArgument(isIdentifier(p), "'%s' is not a parameter name", p));
    Preconditions.checkArgument(clock == null || isIdentifier(clock), "'%s' is not a port name", clock);
    Preconditions.checkArgument(reset == null || isIdentifier(reset), "'%s' is not a port name", reset);
  }

  /** Whether {@code name} is a plain Verilog identifier (no escaping). */
  public static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }

  /** A Verilog parameter value: an integer or a string. */
  public sealed interface Value {
    /** The value as Verilog writes it: {@code -3}, {@code "MULTIPLY"}. */
    String verilog();
  }

  /** An integer parameter value, written in decimal. */
  public record Number(BigInteger value) implements Value {
    @Override
    public String verilog() {
      return value.toString();
    }
  }

  /** A string parameter value, of printable characters other than {@code "} and {@code \}. */
  public record Text(String value) implements Value {
    public Text {
      Preconditions.checkArgument(
          value.chars().allMatch(c -> c >= ' ' && c <= '~' && c != '"' && c != '\\'),
          "a Verilog string parameter holds printable characters other than \" and \\, not '%s'", value);
    }

    @Override
    public String verilog() {
      return '"' + value + '"';
    }
  }
}
