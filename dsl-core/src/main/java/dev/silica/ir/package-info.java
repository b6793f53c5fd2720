/**
 * Silica's netlist IR: the contract between the DSL and every backend.
 *
 * <p>A {@link dev.silica.ir.Design} holds {@link dev.silica.ir.ModuleDef}s. A module's signals live
 * in one namespace ({@link dev.silica.ir.Signals}): input ports, SSA {@link dev.silica.ir.Node}s,
 * {@link dev.silica.ir.Register} outputs, {@link dev.silica.ir.Memory} read ports and instance
 * outputs ({@code inst.port}). Operands refer to signals by name. Registers and memories are the
 * only state; every combinational path between them is acyclic. A module with a {@link
 * dev.silica.ir.BlackBox} stands for a Verilog module written outside Silica: the Verilog backend
 * instantiates that module by name, while everything else sees the module's body, its simulation
 * model.
 *
 * <h2>The width table</h2>
 *
 * <p>Every value has a width (1 to {@link dev.silica.ir.Type#MAX_WIDTH} bits) and a signedness
 * ({@code uN} or {@code sN}, two's complement). {@link dev.silica.ir.TypeRules} implements this
 * table and nothing else may disagree with it. "Same sign" means both operands must be signed or
 * both unsigned; mixing is an error, resolved by an explicit {@code cast}. Where operands of
 * different widths are allowed they are first extended (by their own signedness) to the wider
 * width, and the operation is exact in the result width, so nothing is ever lost silently.
 *
 * <table>
 *   <caption>Result types (a: uA/sA, b: uB/sB)</caption>
 *   <tr><th>operation</th><th>operands</th><th>result</th><th>value</th></tr>
 *   <tr><td>{@code const}</td><td>-</td><td>its declared type</td><td>must fit the type</td></tr>
 *   <tr><td>{@code add, sub}</td><td>same sign</td><td>max(A,B)+1, that sign</td><td>exact; an unsigned {@code sub} below zero wraps modulo 2^W (W = the result width)</td></tr>
 *   <tr><td>{@code mul}</td><td>same sign</td><td>A+B, that sign</td><td>exact</td></tr>
 *   <tr><td>{@code neg}</td><td>signed</td><td>s(A+1)</td><td>exact</td></tr>
 *   <tr><td>{@code and, or, xor}</td><td>same type</td><td>that type</td><td>bitwise</td></tr>
 *   <tr><td>{@code not}</td><td>any</td><td>same type</td><td>bitwise</td></tr>
 *   <tr><td>{@code andr, orr, xorr}</td><td>any</td><td>u1</td><td>reduction of all bits</td></tr>
 *   <tr><td>{@code eq, ne, lt, le, gt, ge}</td><td>same sign</td><td>u1</td><td>numeric comparison</td></tr>
 *   <tr><td>{@code shl a, n} (dynamic)</td><td>n unsigned</td><td>type of a</td><td>(a * 2^n) wrapped to A bits</td></tr>
 *   <tr><td>{@code shr a, n} (dynamic)</td><td>n unsigned</td><td>type of a</td><td>logical: the bits of a moved down, zeros in</td></tr>
 *   <tr><td>{@code sra a, n} (dynamic)</td><td>n unsigned</td><td>type of a</td><td>arithmetic: the top bit of a shifted in</td></tr>
 *   <tr><td>{@code shlc a, k} (constant)</td><td>any</td><td>A+k, same sign</td><td>a * 2^k, exact</td></tr>
 *   <tr><td>{@code shrc a, k} (constant)</td><td>any</td><td>max(A-k,1), same sign</td><td>floor(a / 2^k), exact</td></tr>
 *   <tr><td>{@code mux s, t, f}</td><td>s is u1; t, f same type</td><td>that type</td><td>s ? t : f</td></tr>
 *   <tr><td>{@code cat p0, p1, ...}</td><td>any</td><td>u(sum of widths)</td><td>p0 in the top bits</td></tr>
 *   <tr><td>{@code slice a, hi, lo}</td><td>0 &lt;= lo &lt;= hi &lt; A</td><td>u(hi-lo+1)</td><td>bits hi..lo</td></tr>
 *   <tr><td>{@code resize a, W}</td><td>any</td><td>W bits, same sign</td><td>extended by a's sign, or the low W bits</td></tr>
 *   <tr><td>{@code cast a, s|u}</td><td>any</td><td>A bits, the given sign</td><td>the same bits reinterpreted</td></tr>
 * </table>
 *
 * <p>Registers, memory words and ports have declared types; whatever drives them (a connection, a
 * register's next value, a write port's data, an instance input) must have exactly that type.
 * Enables and write enables are {@code u1}; memory addresses are unsigned and exactly {@link
 * dev.silica.ir.Memory#addressWidth()} bits wide; shift amounts are unsigned of any width (a
 * dynamic shift by A or more gives 0, or all copies of the top bit for {@code sra}).
 *
 * <h2>Clock and reset</h2>
 *
 * <p>Every module with state has one clock {@code clk} (rising edge) and one synchronous
 * active-high reset {@code rst}, both implicit: they are not listed among the ports, and a parent
 * passes its own to every instance. Reset sets each register to its {@code init}; it leaves
 * memories unchanged.
 */
package dev.silica.ir;
