package dev.silica.transformer.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Memory;
import dev.silica.transformer.blocks.MultiplierKind;
import dev.silica.transformer.model.ModelConfig;
import dev.silica.transformer.model.ModelFormatException;
import dev.silica.transformer.model.QuantizedModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled program of the bundled air-quality model: one tile per block of every product, the
 * fences where an instruction reads what the one before wrote, and one-line refusals of arrays that
 * do not divide the model and of malformed models.
 */
class ProgramCompilerTest {

  private static final QuantizedModel AIR = ModelSource.load("air-12-32-4").quantized();

  private static Program compile(int rows, int cols, MultiplierKind kind) {
    return ProgramCompiler.compile(AIR, new AcceleratorConfig(rows, cols, kind, Memory.Style.BLOCK));
  }

  private static long count(Program p, Opcode op) {
    return p.instructions().stream().filter(i -> i.opcode() == op).count();
  }

  @Test
  void oneTilePerRowBlockAndColumnBlockOfEveryProduct() {
    ModelConfig m = AIR.config();
    int rows = 6;
    int cols = 4;
    Program p = compile(rows, cols, MultiplierKind.LUT);
    int t = m.window();
    int d = m.dModel();
    int blocks = t / rows;
    int perLayer = blocks * (3 * d / cols // query, key, value
        + m.heads() * ((t + cols - 1) / cols) // scores: the keys are the columns
        + d / cols // context
        + d / cols // output
        + m.ffnFactor() * d / cols // ffn1
        + d / cols); // ffn2
    long expected = blocks * (d / cols) + (long) m.layers() * perLayer + 1; // embedding, layers, head
    assertEquals(expected, p.tiles());
    assertEquals((long) m.layers() * m.heads() * t, count(p, Opcode.SOFTMAX), "one softmax per query row");
    assertEquals(1, count(p, Opcode.POOL));
    assertEquals(Opcode.END, p.instructions().get(p.instructions().size() - 1).opcode());
  }

  @Test
  void tilesOfOneLayerFollowEachOtherWithoutFenceAndDependentStepsWait() {
    List<Instruction> program = compile(12, 4, MultiplierKind.LUT).instructions();
    assertEquals(0, program.get(0).get(Field.FENCE), "the embedding's tiles are independent");
    int firstSoftmax = 0;
    while (program.get(firstSoftmax).opcode() != Opcode.SOFTMAX) {
      firstSoftmax++;
    }
    assertEquals(1, program.get(firstSoftmax - 1).get(Field.FENCE), "the softmax reads the scores just written");
    for (int i = 0; i + 1 < program.size(); i++) {
      Instruction current = program.get(i);
      if (current.opcode() == Opcode.MATMUL && program.get(i + 1).opcode() != Opcode.MATMUL) {
        assertEquals(1, current.get(Field.FENCE), "tile " + i + " before a " + program.get(i + 1).opcode());
      }
    }
  }

  @Test
  void probabilitiesWiderThanCodesEnterTheArrayInTwoHalves() {
    Program lut = compile(12, 4, MultiplierKind.LUT);
    assertTrue(AIR.probabilityBits() > AIR.bits());
    assertTrue(lut.splitsProbabilities());
    assertEquals(AIR.bits() + 1, lut.activationOperandBits());
    assertEquals(AIR.bits(), lut.arrayConfig().accumulatorShift());
  }

  @Test
  void rowsThatDoNotDivideTheWindowAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compile(5, 4, MultiplierKind.LUT));
    assertEquals("array rows 5 do not divide the window 12", e.getMessage());
  }

  @Test
  void columnsThatDoNotDivideTheHeadSizeAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compile(12, 3, MultiplierKind.LUT));
    assertEquals("array columns 3 do not divide the head size 32 (d_model 32 / 1 heads)", e.getMessage());
  }

  @Test
  void aModelMissingAConstantIsRefusedNamingIt() {
    Map<String, long[]> constants = new HashMap<>(AIR.constants());
    constants.remove("layer0.norm1.shift");
    QuantizedModel broken = new QuantizedModel(AIR.config(), AIR.bits(), AIR.probabilityBits(), AIR.tensors(),
        AIR.dense(), constants);
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> ProgramCompiler.compile(broken, new AcceleratorConfig(12, 4, MultiplierKind.LUT, Memory.Style.BLOCK)));
    assertEquals("constants.layer0.norm1.shift", e.field());
  }
}
