package dev.silica.transformer.accel;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Longs;
import dev.silica.transformer.golden.Linear;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.model.IntegerForecaster;
import dev.silica.transformer.model.ModelConfig;
import dev.silica.transformer.model.ModelFormatException;
import dev.silica.transformer.model.QuantizedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compiles a {@link QuantizedModel} for an {@link AcceleratorConfig}: lays the activations out in
 * the banked memories, packs the weights into column-tile words, and walks the model graph
 * (embedding, each encoder layer head by head, pooling, head) emitting one instruction per output
 * tile, softmax row and pooling pass. The constants are the model's own integers, so the program
 * computes exactly what {@link IntegerForecaster} computes.
 */
public final class ProgramCompiler {

  private final QuantizedModel model;
  private final ModelConfig shape;
  private final AcceleratorConfig accel;
  private final int rows;
  private final int cols;
  private final int window;
  private final int dModel;
  private final int headSize;
  private final List<Instruction> program = new ArrayList<>();
  /** What each instruction of {@link #program} reads and writes, for the fences. */
  private final List<Set<Use>> reads = new ArrayList<>();
  private final List<Set<Use>> writes = new ArrayList<>();
  private final List<PostOp> postOps = new ArrayList<>();
  private final List<long[]> weights = new ArrayList<>();
  private final List<Long> bias = new ArrayList<>();
  private final List<Long> normMultipliers = new ArrayList<>();
  private final List<Long> normOffsets = new ArrayList<>();
  private final List<Long> expTable = new ArrayList<>();
  private int activationDepth;
  private int maxK;

  private ProgramCompiler(QuantizedModel model, AcceleratorConfig accel) {
    this.model = model;
    this.shape = model.config();
    this.accel = accel;
    this.rows = accel.rows();
    this.cols = accel.cols();
    this.window = shape.window();
    this.dModel = shape.dModel();
    this.headSize = dModel / shape.heads();
  }

  /**
   * The program of {@code model} on {@code accel}.
   *
   * @throws ModelFormatException for a model the integer inference rejects
   * @throws IllegalArgumentException for an array that does not divide the model, or whose
   *     multipliers cannot hold its operands
   */
  public static Program compile(QuantizedModel model, AcceleratorConfig accel) {
    new IntegerForecaster(model);
    accel.checkDivides(model.config());
    Program program = new ProgramCompiler(model, accel).build();
    program.arrayConfig();
    return program;
  }

  private Region region(int width) {
    Region region = new Region(activationDepth, width);
    activationDepth += window / rows * width;
    return region;
  }

  private Program build() {
    int ffn = dModel * shape.ffnFactor();
    Region input = region(shape.features());
    Region[] x = {region(dModel), region(dModel)};
    Region query = region(dModel);
    Region scores = region(window);
    Region probabilities = region(window);
    Region context = region(dModel);
    Region norm1 = region(dModel);
    Region hidden = region(ffn);
    Region pooled = region(dModel);
    int keyBlocks = (window + cols - 1) / cols;
    Region keys = new Region(0, dModel);
    Region values = new Region(keyBlocks * dModel, window);
    int attentionDepth = keyBlocks * dModel + dModel / cols * window;

    QuantSpec embedded = spec("embedding.out");
    linear("embedding", input, x[0], spec("input"), Destination.ACTIVATIONS,
        requantized("embedding", embedded).positional(), null);
    QuantSpec in = embedded;
    for (int l = 0; l < shape.layers(); l++) {
      String name = "layer" + l;
      Region layerIn = x[l % 2];
      Region layerOut = x[(l + 1) % 2];
      QuantSpec queryOut = spec(name + ".query.out");
      QuantSpec keyOut = spec(name + ".key.out");
      QuantSpec valueOut = spec(name + ".value.out");
      linear(name + ".query", layerIn, query, in, Destination.ACTIVATIONS, requantized(name + ".query", queryOut), null);
      linear(name + ".key", layerIn, keys, in, Destination.KEYS, requantized(name + ".key", keyOut), null);
      linear(name + ".value", layerIn, values, in, Destination.VALUES, requantized(name + ".value", valueOut), null);
      int scorePost = post(new Chain(name + ".attention.scores.requantizer",
          spec(name + ".attention.scores").zeroPoint()));
      int contextPost = post(new Chain(name + ".attention.context.requantizer",
          spec(name + ".attention.context").zeroPoint()));
      int expBase = expTable.size();
      expTable.addAll(Longs.asList(model.constants().get(name + ".attention.expTable")));
      for (int h = 0; h < shape.heads(); h++) {
        attention(h, query, keys, values, scores, probabilities, context, queryOut, keyOut, valueOut, scorePost,
            contextPost, expBase);
      }
      QuantSpec attentionOut = spec(name + ".output.out");
      QuantSpec residual1 = spec(name + ".residual1");
      QuantSpec norm1Out = spec(name + ".norm1.out");
      QuantSpec hiddenSpec = spec(name + ".ffn1.out");
      QuantSpec ffnOut = spec(name + ".ffn2.out");
      QuantSpec residual2 = spec(name + ".residual2");
      linear(name + ".output", context, norm1, spec(name + ".attention.context"), Destination.ACTIVATIONS,
          requantized(name + ".output", attentionOut).residual(name + ".residual1.add", in, attentionOut, residual1)
              .norm(name + ".norm1"), layerIn);
      linear(name + ".ffn1", norm1, hidden, norm1Out, Destination.ACTIVATIONS,
          requantized(name + ".ffn1", hiddenSpec).relu(), null);
      linear(name + ".ffn2", hidden, layerOut, hiddenSpec, Destination.ACTIVATIONS,
          requantized(name + ".ffn2", ffnOut).residual(name + ".residual2.add", norm1Out, ffnOut, residual2)
              .norm(name + ".norm2"), norm1);
      in = spec(name + ".norm2.out");
    }
    Region last = x[shape.layers() % 2];
    emit(Instruction.of(Opcode.POOL).with(Field.A_ADDR, last.base()).with(Field.LENGTH, dModel)
        .with(Field.STRIDE, dModel).with(Field.DST_ADDR, pooled.base()), Set.of(act(last)), Set.of(act(pooled)));
    linear("head", pooled, null, in, Destination.PREDICTION, new Chain(null, 0), null);
    emit(Instruction.of(Opcode.END), Set.of(), Set.of());
    fence();

    long[] table = model.constants().get("positional.table");
    return new Program(accel, shape, model.bits(), model.probabilityBits(), model.inputBits(),
        ImmutableList.copyOf(program), ImmutableList.copyOf(postOps), lanes(weights), Longs.toArray(bias), Longs.toArray(normMultipliers),
        Longs.toArray(normOffsets), Longs.toArray(expTable), table.clone(), input, activationDepth, attentionDepth,
        maxK);
  }

  /** The weight words split into one array per lane. */
  private long[][] lanes(List<long[]> words) {
    long[][] lanes = new long[cols][words.size()];
    for (int i = 0; i < words.size(); i++) {
      for (int c = 0; c < cols; c++) {
        lanes[c][i] = words.get(i)[c];
      }
    }
    return lanes;
  }

  private QuantSpec spec(String tensor) {
    return model.tensors().get(tensor);
  }

  /** The chain of a linear layer: its requantizer to {@code output} (the bias is added by {@link #linear}). */
  private Chain requantized(String dense, QuantSpec output) {
    return new Chain(dense + ".requantizer", output.zeroPoint());
  }

  /** One head's scores, softmax rows and context. */
  private void attention(int h, Region query, Region keys, Region values, Region scores, Region probabilities,
      Region context, QuantSpec queryOut, QuantSpec keyOut, QuantSpec valueOut, int scorePost, int contextPost,
      int expBase) {
    int keyTiles = (window + cols - 1) / cols;
    boolean split = accel.splits(model.bits(), model.probabilityBits());
    for (int rt = 0; rt < window / rows; rt++) {
      for (int ct = 0; ct < keyTiles; ct++) {
        emit(tile(query.base() + rt * dModel + h * headSize, queryOut.zeroPoint(), headSize)
            .with(Field.B_FROM_MEMORY, 1).with(Field.B_ADDR, keys.base() + ct * dModel + h * headSize)
            .with(Field.B_ZERO, keyOut.zeroPoint()).with(Field.ROWS, rows)
            .with(Field.COLS, Math.min(cols, window - ct * cols)).with(Field.POST_OP, scorePost)
            .with(Field.DESTINATION, Destination.ACTIVATIONS.ordinal())
            .with(Field.DST_ADDR, scores.base() + rt * window + ct * cols),
            Set.of(act(query), attention(keys)), Set.of(act(scores)));
      }
    }
    for (int i = 0; i < window; i++) {
      emit(Instruction.of(Opcode.SOFTMAX).with(Field.A_ADDR, scores.address(i, 0, rows))
          .with(Field.BANK, i % rows).with(Field.LENGTH, window)
          .with(Field.DST_ADDR, probabilities.address(i, 0, rows)).with(Field.TABLE_ADDR, expBase),
          Set.of(act(scores)), Set.of(act(probabilities)));
    }
    for (int rt = 0; rt < window / rows; rt++) {
      for (int ct = 0; ct < headSize / cols; ct++) {
        int channel = h * headSize + ct * cols;
        emit(tile(probabilities.base() + rt * window, 0, split ? 2 * window : window).with(Field.SPLIT, split ? 1 : 0)
            .with(Field.B_FROM_MEMORY, 1)
            .with(Field.B_ADDR, values.base() + (channel / cols) * window).with(Field.B_ZERO, valueOut.zeroPoint())
            .with(Field.ROWS, rows).with(Field.COLS, cols).with(Field.POST_OP, contextPost)
            .with(Field.DESTINATION, Destination.ACTIVATIONS.ordinal())
            .with(Field.DST_ADDR, context.base() + rt * dModel + channel).with(Field.CHANNEL, channel),
            Set.of(act(probabilities), attention(values)), Set.of(act(context)));
      }
    }
  }

  /** A region of the activation memory, or of the attention memory, as an instruction uses it. */
  private record Use(boolean attention, Region region) {}

  private static Use act(Region region) {
    return new Use(false, region);
  }

  private static Use attention(Region region) {
    return new Use(true, region);
  }

  private void emit(Instruction instruction, Set<Use> read, Set<Use> written) {
    program.add(instruction);
    reads.add(read);
    writes.add(written);
  }

  /**
   * Sets each MATMUL's {@link Field#FENCE}: the next instruction waits for its results when it reads
   * them or is not a tile (softmax, pooling and the end read or report what the tiles wrote).
   */
  private void fence() {
    for (int i = 0; i + 1 < program.size(); i++) {
      Instruction current = program.get(i);
      if (current.opcode() != Opcode.MATMUL) {
        continue;
      }
      boolean dependent = program.get(i + 1).opcode() != Opcode.MATMUL
          || writes.get(i).stream().anyMatch(reads.get(i + 1)::contains);
      program.set(i, current.with(Field.FENCE, dependent ? 1 : 0));
    }
  }

  private Instruction tile(int aAddr, int aZero, int length) {
    maxK = Math.max(maxK, length);
    return Instruction.of(Opcode.MATMUL).with(Field.A_ADDR, aAddr).with(Field.A_ZERO, aZero)
        .with(Field.LENGTH, length);
  }

  /**
   * A linear layer from {@code src} (one row block per tile row) to {@code dst}: its weights packed
   * into the ROM column tile by column tile, its folded bias, one tile per (row block, column
   * block). {@code residualSource} is the region the chain's residual add reads, or null.
   */
  private void linear(String dense, Region src, Region dst, QuantSpec inSpec, Destination destination, Chain chain,
      Region residualSource) {
    QuantizedModel.DenseCodes codes = model.dense().get(dense);
    int[][] w = codes.weights();
    int in = w.length;
    int out = w[0].length;
    long[] folded = new Linear(w, codes.bias(), inSpec.format(), inSpec.zeroPoint(), codes.weightSpec().format(),
        null).foldedBias();
    int biasBase = bias.size();
    bias.addAll(Longs.asList(folded));
    int postOp = post(chain.withBias(biasBase));
    boolean split = accel.splits(model.bits(), inSpec.format().bits());
    int colTiles = (out + cols - 1) / cols;
    boolean prediction = destination == Destination.PREDICTION;
    for (int ct = 0; ct < colTiles; ct++) {
      int romBase = weights.size();
      for (int k = 0; k < in; k++) {
        long[] word = new long[cols];
        for (int c = 0; c < cols && ct * cols + c < out; c++) {
          word[c] = w[k][ct * cols + c];
        }
        weights.add(word);
      }
      for (int rt = 0; rt < (prediction ? 1 : window / rows); rt++) {
        int t0 = rt * rows;
        int channel = ct * cols;
        Instruction tile = tile(src.base() + rt * in, 0, split ? 2 * in : in).with(Field.SPLIT, split ? 1 : 0)
            .with(Field.B_ADDR, romBase)
            .with(Field.ROWS, prediction ? 1 : rows).with(Field.COLS, Math.min(cols, out - channel))
            .with(Field.POST_OP, postOp).with(Field.DESTINATION, destination.ordinal())
            .with(Field.CHANNEL, channel).with(Field.TABLE_ADDR, (long) t0 * dModel + channel);
        tile = switch (destination) {
          case ACTIVATIONS -> tile.with(Field.DST_ADDR, dst.base() + rt * out + channel);
          case KEYS -> tile.with(Field.BANK, t0 % cols).with(Field.DST_ADDR, dst.base() + t0 / cols * dModel + channel);
          case VALUES -> tile.with(Field.DST_ADDR, dst.base() + ct * window + t0);
          case PREDICTION -> tile;
        };
        if (residualSource != null) {
          tile = tile.with(Field.RES_ADDR, residualSource.base() + rt * out + channel);
        }
        Set<Use> read = residualSource == null ? Set.of(act(src)) : Set.of(act(src), act(residualSource));
        Set<Use> written = switch (destination) {
          case ACTIVATIONS -> Set.of(act(dst));
          case KEYS, VALUES -> Set.of(attention(dst));
          case PREDICTION -> Set.<Use>of();
        };
        emit(tile, read, written);
      }
    }
  }

  private int post(Chain chain) {
    postOps.add(chain.toPostOp());
    return postOps.size() - 1;
  }

  /** A post-operation under construction, named by the model's constants. */
  private final class Chain {
    private final String requantizer;
    private final int zeroPoint;
    private boolean bias;
    private int biasBase;
    private boolean relu;
    private boolean positional;
    private String residual;
    private QuantSpec a;
    private QuantSpec b;
    private QuantSpec out;
    private String norm;

    Chain(String requantizer, int zeroPoint) {
      this.requantizer = requantizer;
      this.zeroPoint = zeroPoint;
    }

    /** Adds the bias words from {@code base} on (indexed by the output channel). */
    Chain withBias(int base) {
      bias = true;
      biasBase = base;
      return this;
    }

    Chain relu() {
      relu = true;
      return this;
    }

    Chain positional() {
      positional = true;
      return this;
    }

    Chain residual(String constants, QuantSpec a, QuantSpec b, QuantSpec out) {
      this.residual = constants;
      this.a = a;
      this.b = b;
      this.out = out;
      return this;
    }

    Chain norm(String name) {
      this.norm = name;
      return this;
    }

    PostOp toPostOp() {
      long multiplier = 0;
      int shift = 0;
      if (requantizer != null) {
        long[] pair = model.constants().get(requantizer);
        multiplier = pair[0];
        shift = 31 - (int) pair[1];
      }
      long multiplierA = 0;
      long multiplierB = 0;
      int guard = 0;
      if (residual != null) {
        long[] v = model.constants().get(residual);
        if (v[1] != 0 || v[3] != 0) {
          throw new ModelFormatException("constants." + residual,
              "the accelerator adds residuals with one rounding: operand shifts must be 0, found " + v[1] + " and "
                  + v[3]);
        }
        multiplierA = v[0];
        multiplierB = v[2];
        guard = (int) v[4];
      }
      int normBase = normMultipliers.size();
      int normShift = 0;
      if (norm != null) {
        normMultipliers.addAll(Longs.asList(model.constants().get(norm + ".multipliers")));
        normOffsets.addAll(Longs.asList(model.constants().get(norm + ".offsets")));
        normShift = (int) model.constants().get(norm + ".shift")[0];
      }
      return new PostOp(bias, biasBase, requantizer != null, multiplier, shift, zeroPoint, relu, positional,
          residual != null, residual != null ? a.zeroPoint() : 0, multiplierA, residual != null ? b.zeroPoint() : 0,
          multiplierB, guard, residual != null ? out.zeroPoint() : 0, norm != null, normBase, normShift);
    }
  }
}
