package dev.silica.transformer.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.ParameterError;
import dev.silica.ir.Design;
import dev.silica.ir.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transformer generators are found by name and elaborate with their defaults. */
class GeneratorsTest {

  private static final List<String> NAMES = List.of("requant", "relu", "residual-add", "avgpool", "posenc", "systolic", "batchnorm", "linear", "softmax", "layernorm");

  @Test
  void everyBlockIsRegisteredUnderItsName() {
    GeneratorRegistry registry = GeneratorRegistry.load();
    for (String name : NAMES) {
      assertEquals(name, registry.get(name).name());
    }
  }

  @Test
  void everyBlockElaboratesWithItsDefaultsAndRecordsThem() {
    GeneratorRegistry registry = GeneratorRegistry.load();
    for (String name : NAMES) {
      Generator generator = registry.get(name);
      assertFalse(generator.description().isBlank());
      Design design = generator.generate(Map.of());
      assertEquals(name, design.attributes().get("generator"));
      generator.params().forEach(param -> assertEquals(param.defaultValue(),
          design.attributes().get("param." + param.name()), name + " " + param.name()));
    }
  }

  private static Type outputType(Design design, String port) {
    return design.topModule().port(port).orElseThrow(() -> new AssertionError("no port " + port)).type();
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 8})
  void everyBlockElaboratesAtTheRequestedWidth(int width) {
    GeneratorRegistry registry = GeneratorRegistry.load();
    String bits = Integer.toString(width);
    Type code = Type.s(width);
    assertEquals(code, outputType(registry.get("requant").generate(Map.of("out_bits", bits)), "out_data"));
    assertEquals(code, outputType(registry.get("relu").generate(Map.of("bits", bits)), "out_data"));
    assertEquals(code, outputType(registry.get("residual-add").generate(Map.of("a_bits", bits, "out_bits", bits)),
        "out_data"));
    assertEquals(code, outputType(registry.get("avgpool").generate(Map.of("bits", bits)), "out_data_0"));
    assertEquals(code, outputType(registry.get("posenc").generate(Map.of("bits", bits)), "out_data_0"));
    assertEquals(code, outputType(registry.get("batchnorm").generate(Map.of("in_bits", bits, "out_bits", bits)),
        "out_data"));
    assertEquals(code, outputType(registry.get("layernorm").generate(Map.of("in_bits", bits, "out_bits", bits)),
        "out_data"));
    for (String engine : List.of("mac", "systolic")) {
      assertEquals(code, outputType(registry.get("linear").generate(
          Map.of("in_bits", bits, "weight_bits", bits, "out_bits", bits, "engine", engine)), "out_data"));
    }
    for (String exp : List.of("lut", "iexp")) {
      assertEquals(Type.u(width), outputType(registry.get("softmax").generate(
          Map.of("bits", bits, "out_bits", bits, "exp", exp)), "out_data"));
    }
  }

  @Test
  void systolicAccumulatorsHoldSixtyFourProductsOfTheOperandWidths() {
    Generator systolic = GeneratorRegistry.load().get("systolic");
    // s4 x s4 products reach 64, s6 x s6 1024, s8 x s8 16384; 64 of them need 14, 18 and 22 bits
    int[][] expectations = {{4, 14}, {6, 18}, {8, 22}};
    for (int[] e : expectations) {
      String bits = Integer.toString(e[0]);
      Design design = systolic.generate(Map.of("a_bits", bits, "b_bits", bits, "rows", "2", "cols", "2"));
      assertEquals(Type.s(e[1]), outputType(design, "out_data_0"));
    }
  }

  @Test
  void doubleRoundingRefusesAnAccumulatorWiderThanGemmlowpsInt32() {
    Generator requant = GeneratorRegistry.load().get("requant");
    ParameterError error = assertThrows(ParameterError.class,
        () -> requant.generate(Map.of("rounding", "double_rounding", "acc_bits", "33")));
    assertTrue(error.getMessage().contains("acc_bits"), error.getMessage());
  }

  @Test
  void systolicRefusesAnAccumulatorThatCouldOverflowForItsK() {
    Generator systolic = GeneratorRegistry.load().get("systolic");
    ParameterError error = assertThrows(ParameterError.class,
        () -> systolic.generate(Map.of("max_k", "64", "acc_bits", "21")));
    assertTrue(error.getMessage().contains("at least 22"), error.getMessage());
    systolic.generate(Map.of("max_k", "64", "acc_bits", "22", "rows", "2", "cols", "2"));
  }

  @Test
  void systolicRefusesAPackingThatDoesNotFitTheDsp() {
    Generator systolic = GeneratorRegistry.load().get("systolic");
    ParameterError error = assertThrows(ParameterError.class,
        () -> systolic.generate(Map.of("multiplier", "packed", "max_k", "64")));
    assertTrue(error.getMessage().contains("A port"), error.getMessage());
  }

  @Test
  void aScaleThatIsNotAPositiveNumberIsRefusedByName() {
    Generator requant = GeneratorRegistry.load().get("requant");
    ParameterError error = assertThrows(ParameterError.class, () -> requant.generate(Map.of("scale", "-1")));
    assertTrue(error.getMessage().contains("scale"), error.getMessage());
  }
}
