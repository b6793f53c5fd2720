package dev.silica.transformer.accel;

import com.google.common.collect.ImmutableList;
import dev.silica.transformer.blocks.SystolicConfig;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.model.ModelConfig;

/**
 * A forecaster model compiled for one accelerator shape: the instruction list the sequencer runs,
 * the vector unit's post-operations, and every ROM image. {@link ProgramCompiler} makes it from a
 * model; {@link ForecasterAccelerator} turns it into hardware.
 *
 * @param accel the array and storage
 * @param model the model's shape
 * @param bits activation and weight width
 * @param probabilityBits softmax probability width
 * @param inputBits input code width (the embedding's activation operand)
 * @param instructions the program, ending with {@link Opcode#END}
 * @param postOps the vector unit's post-operations, indexed by {@link Field#POST_OP}
 * @param weights the weight ROM, one array per lane: word {@code i} of lane {@code c} is column {@code c} of that tile row
 * @param bias the bias ROM (folded biases of every linear layer)
 * @param normMultipliers the per-channel {@code A_c} of every normalization
 * @param normOffsets the per-channel {@code B_c}
 * @param expTable every layer's softmax exponential table, {@code 2^bits} entries each
 * @param positional the positional-encoding ROM, {@code window x d_model}, row-major
 * @param input the host's input region (flat index {@code t * features + f})
 * @param activationDepth words per activation-memory bank
 * @param attentionDepth words per attention-memory bank
 * @param maxK the longest reduction of any tile
 */
public record Program(AcceleratorConfig accel, ModelConfig model, int bits, int probabilityBits, int inputBits,
    ImmutableList<Instruction> instructions, ImmutableList<PostOp> postOps, long[][] weights, long[] bias,
    long[] normMultipliers, long[] normOffsets, long[] expTable, long[] positional, Region input,
    int activationDepth, int attentionDepth, int maxK) {

  /** Bits of one activation-memory lane: a signed code or input code, or a probability with a sign bit. */
  public int laneBits() {
    return Math.max(Math.max(bits, inputBits), probabilityBits + 1);
  }

  /** Whether probabilities enter the array in two halves ({@link AcceleratorConfig#splits}). */
  public boolean splitsProbabilities() {
    return accel.splits(bits, probabilityBits);
  }

  /** Whether input codes enter the array in two halves ({@link AcceleratorConfig#splits}). */
  public boolean splitsInputs() {
    return accel.splits(bits, inputBits);
  }

  /** Whether any activation operand enters the array in two halves, so that its sums shift. */
  public boolean splits() {
    return splitsProbabilities() || splitsInputs();
  }

  /** Bits of the array's activation operand: a code, probability or input code (or half) minus a zero point. */
  public int activationOperandBits() {
    int probability = splitsProbabilities() ? bits : probabilityBits;
    int input = splitsInputs() ? bits : inputBits;
    return Math.max(bits, Math.max(probability, input)) + 1;
  }

  /**
   * The reduction length whose products bound every sum the array holds: the longest tile, the
   * context's {@code window} probabilities times values, or the embedding's input codes times
   * weights, whichever is largest.
   */
  public int accumulatorReach() {
    long largestProduct = (1L << (activationOperandBits() - 1)) * (1L << bits);
    long context = (long) model.window() * ((1L << probabilityBits) - 1) * ((1L << bits) - 1);
    long embedding = (long) model.features() * (1L << inputBits) * (1L << bits);
    long widest = Math.max(context, embedding);
    return (int) Math.max(maxK, (widest + largestProduct - 1) / largestProduct);
  }

  /**
   * The shared array: {@link #activationOperandBits} by signed {@code bits + 1} operands (codes
   * minus zero points), accumulators reaching {@link #accumulatorReach}, shifting by {@code bits}
   * when probabilities or input codes are split.
   *
   * @throws IllegalArgumentException when the multipliers cannot hold these operands (packing)
   */
  public SystolicConfig arrayConfig() {
    return new SystolicConfig(accel.rows(), accel.cols(), IntFormat.signed(activationOperandBits()),
        IntFormat.signed(bits + 1), accumulatorReach(), accel.multiplier(), splits() ? bits : 0);
  }

  /** Time steps per bank of a region: the window over the array's rows. */
  public int rowBlocks() {
    return model.window() / accel.rows();
  }

  /** The number of MATMUL tiles. */
  public long tiles() {
    return instructions.stream().filter(i -> i.opcode() == Opcode.MATMUL).count();
  }
}
