/**
 * Silica's hardware construction DSL: Java code that, when run, elaborates into the netlist IR of
 * {@link dev.silica.ir}.
 *
 * <h2>A module</h2>
 *
 * <pre>{@code
 * import static dev.silica.dsl.Hw.*;
 * import dev.silica.dsl.*;
 * import dev.silica.dsl.Module;   // by name: the wildcard alone is ambiguous with java.lang.Module
 *
 * // Accumulates signed samples while valid; reports a saturated sum and whether it left the range.
 * final class Accumulator extends Module {
 *   final SInt sample = input("sample", SInt.of(8));
 *   final Bool valid = input("valid", Bool.TYPE);
 *   final Bool clear = input("clear", Bool.TYPE);
 *   final SInt sum = output("sum", SInt.of(12));
 *   final Bool outside = output("outside", Bool.TYPE);
 *   final SInt total;
 *
 *   Accumulator(int limit) {
 *     param("limit", limit);                        // the IR module is Accumulator_limit1000
 *     total = reg("total", SInt.of(16));            // reset to 0
 *     when(clear, () -> total.connect(0))
 *         .elseWhen(valid, () -> total.connect(total.addWrap(sample.resize(16))));
 *     sum.connect(total.saturate(12));
 *     outside.connect(total.gt(limit).or(total.lt(-limit)));
 *   }
 * }
 *
 * Design design = Elaborator.elaborate(() -> new Accumulator(1000));
 * }</pre>
 *
 * <h2>The rules</h2>
 *
 * <ul>
 *   <li><b>Values</b> are {@link dev.silica.dsl.UInt}, {@link dev.silica.dsl.SInt} and {@link
 *       dev.silica.dsl.Bool}; {@link dev.silica.dsl.Vec} groups values, {@link dev.silica.dsl.Bundle}
 *       groups ports. Operators follow the IR width table exactly: {@code add} grows one bit, {@code
 *       mul} to the sum of widths; {@code resize}, {@code saturate}, {@code addWrap} are the only
 *       ways to lose bits. Signed and unsigned do not mix (the Java types refuse it; cast with
 *       {@code asSInt()}/{@code asUInt()}).
 *   <li><b>Connections</b> ({@code connect}) need exactly the target's type. Targets are outputs,
 *       wires, registers (their next value) and instance inputs. In one scope (the module body or
 *       one branch of a when) a target is connected at most once; a connection in a later {@code
 *       when} overrides, only where that when is active (last connect wins). Elaboration turns the
 *       scopes into multiplexers; a register changed in a single branch gets that branch's
 *       condition as its clock enable. Every output, instance input, and read wire must be
 *       connected on every path.
 *   <li><b>Enumerations and control</b>: {@link dev.silica.dsl.EnumType} encodes a Java enum in
 *       {@code indexBits(constants)} bits; its values ({@link dev.silica.dsl.HwEnum}) compare with
 *       {@code is(State.X)} and connect only from the same enum. {@link
 *       dev.silica.dsl.Hw#stateMachine} gives a named state register with {@code is} sections and
 *       {@code goTo}; {@link dev.silica.dsl.Hw#switchOn} decodes a {@code UInt} or enum into
 *       when-branches, refusing repeated values. {@link dev.silica.dsl.Widths} holds {@code
 *       log2Ceil} and the other width helpers.
 *   <li><b>Hierarchy</b>: {@code instance(() -> new Child(...))} makes a submodule; the parent
 *       drives {@code child.a} and reads {@code child.y}. Instances that elaborate to the same
 *       hardware share one IR module; {@link dev.silica.dsl.Hw#param} names it by its parameters. A
 *       {@link dev.silica.dsl.BlackBox} instantiates a Verilog module written outside Silica, with
 *       a Silica module as its simulation model.
 *   <li><b>Streams</b>: {@link dev.silica.dsl.Stream} is a ready/valid port bundle; the library
 *       {@code dev.silica.dsl.lib} has a FIFO {@code Queue} and a {@code SkidBuffer} on streams.
 *   <li><b>Names</b>: ports, registers, wires and memories are named where declared; a value held
 *       in a field of the module takes the field's name; {@code named("x")} names any other value;
 *       the rest are called after their operation and Java line ({@code add_17}, then {@code
 *       add_17_1}).
 *   <li><b>Errors</b> are {@link dev.silica.ir.DesignError}s that start with the Java file and line
 *       to fix ({@code Fir.java:31: cannot connect u8 to output 'y' of type u4: ...}).
 *   <li><b>Generators</b> ({@link dev.silica.dsl.Generator}) expose a design with typed parameters
 *       to the command line; {@link dev.silica.dsl.GeneratorRegistry} finds them with {@link
 *       java.util.ServiceLoader}.
 * </ul>
 */
package dev.silica.dsl;
