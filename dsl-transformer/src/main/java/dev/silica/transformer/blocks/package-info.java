/**
 * Hardware generators for the integer-only Transformer datapaths, each bit-exact with its golden
 * model in {@link dev.silica.transformer.golden} (checked on the simulator by the tests in {@code
 * test-benches}) and registered for the command line under its name.
 *
 * <p>Conventions: streams are valid/ready with a {@code last} marker ({@link
 * dev.silica.transformer.blocks.Stream}, {@link dev.silica.transformer.blocks.VecStream}, {@link
 * dev.silica.transformer.blocks.OperandStream}); a beat moves on a rising edge where valid and
 * ready are high. Codes are signed two's complement (softmax probabilities unsigned). Real-valued
 * parameters become integer constants once, through the golden model, so hardware and model
 * share constants but never arithmetic.
 *
 * <table>
 *   <caption>Latency and throughput in cycles (producer and consumer never stalling; measured by
 *   the simulation tests)</caption>
 *   <tr><th>name</th><th>block</th><th>latency</th><th>throughput</th></tr>
 *   <tr><td>requant</td><td>{@link dev.silica.transformer.blocks.RequantBlock}</td><td>2</td><td>1 beat/cycle</td></tr>
 *   <tr><td>relu</td><td>{@link dev.silica.transformer.blocks.ReluBlock}</td><td>1</td><td>1 beat/cycle</td></tr>
 *   <tr><td>residual-add</td><td>{@link dev.silica.transformer.blocks.ResidualAddBlock}</td><td>2</td>
 *       <td>1 beat/cycle</td></tr>
 *   <tr><td>avgpool</td><td>{@link dev.silica.transformer.blocks.AvgPoolBlock}</td><td>1 after the last
 *       position</td><td>1 position/cycle</td></tr>
 *   <tr><td>posenc</td><td>{@link dev.silica.transformer.blocks.PosEncBlock}</td><td>1</td>
 *       <td>1 position/cycle</td></tr>
 *   <tr><td>batchnorm</td><td>{@link dev.silica.transformer.blocks.BatchNormBlock}</td><td>2</td>
 *       <td>1 code/cycle</td></tr>
 *   <tr><td>systolic</td><td>{@link dev.silica.transformer.blocks.Systolic}</td><td>first row K + F (F = R + C - 1, packed R + C/2 - 2)
 *       after the first beat</td><td>a tile per K + F + R</td></tr>
 *   <tr><td>linear (mac)</td><td>{@link dev.silica.transformer.blocks.LinearBlock}</td><td>first output K + 4
 *       after the last input</td><td>a vector per K + K N + 4</td></tr>
 *   <tr><td>linear (systolic)</td><td>{@link dev.silica.transformer.blocks.LinearSystolicBlock}</td>
 *       <td>see class</td><td>R vectors per R K + K + 1 + R + N - 2 + R N</td></tr>
 *   <tr><td>softmax</td><td>{@link dev.silica.transformer.blocks.SoftmaxBlock}</td><td>2L + outBits + 1 after
 *       the first code</td><td>outBits + 2 per probability</td></tr>
 *   <tr><td>layernorm</td><td>{@link dev.silica.transformer.blocks.LayerNormBlock}</td><td>2L + root steps
 *       + quotient bits + 1</td><td>quotient bits + 2 per channel</td></tr>
 * </table>
 */
package dev.silica.transformer.blocks;
