/**
 * Silica's IR text form ({@code .sir}): {@link dev.silica.ir.text.SirPrinter} writes a design,
 * {@link dev.silica.ir.text.SirParser} reads it back. {@code parse(print(d))} equals {@code d}, and
 * printing that again gives the same text, so the text is a faithful, diffable dump of any design
 * and a way to feed a design to the backends without Java.
 *
 * <pre>
 * design Counter                              the top module
 * attribute param.width = "4"                 free-form key = "value"
 *
 * module Counter &#64; Counter.java:9 {
 *   in en : u1 &#64; Counter.java:10               ports: direction, name, type
 *   out count : u4 &#64; Counter.java:11
 *
 *   sum : u5 = add value, one &#64; Counter.java:13   nodes: name : type = mnemonic operands
 *
 *   reg value : u4 init 0 next wrapped enable en &#64; Counter.java:12
 *
 *   mem table : s8 depth 4 style distributed &#64; T.java:5 {
 *     init [-128, -1, 0, 127]                 depth words, 16 a line when longer
 *     async read entry addr index &#64; T.java:6
 *     sync read q addr index enable en &#64; T.java:7
 *     write addr index data d enable we &#64; T.java:8
 *   }
 *
 *   inst c0 : Counter &#64; T.java:9 {              input bindings, one a line
 *     en = en
 *   }
 *
 *   connect count = value &#64; Counter.java:14
 * }
 * </pre>
 *
 * <p>The mnemonics are those of {@link dev.silica.ir.Op}; constant arguments follow the operands
 * ({@code shlc a, 3}, {@code slice a, 7, 4}, {@code resize a, 12}, {@code cast a, signed}). A
 * constant takes its node's type. Every declared type must be the one the width table gives.
 * Names are bare ({@code count}, {@code add0.sum}, also keywords such as {@code in}) or quoted with
 * escapes; {@code //} starts a comment. The location {@code @ File.java:17} is optional: an element
 * without one is located at its own line of the {@code .sir} file, and {@code @ ?:0} is the unknown
 * location. Errors are reported as {@code file:line:column: message}.
 */
package dev.silica.ir.text;
