package dev.silica.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator contract the command line builds on, and the three sample generators. */
class GeneratorsTest {

  private final GeneratorRegistry registry = GeneratorRegistry.load();

  private Design generate(String name, Map<String, String> args) {
    Design d = registry.get(name).generate(args);
    Ir.assertWellTyped(d);
    return d;
  }

  @Test
  void theRegistryFindsTheSamplesThroughServiceLoaderSortedByName() {
    assertEquals(List.of("counter", "fifo", "fir", "mac"), registry.all().stream().map(Generator::name).toList());
  }

  @Test
  void anUnknownGeneratorListsTheValidNames() {
    ParameterError e = assertThrows(ParameterError.class, () -> registry.get("adder"));
    assertEquals("unknown generator 'adder'; valid generators: counter, fifo, fir, mac", e.getMessage());
  }

  @Test
  void everyGeneratorDescribesItselfAndEachParameter() {
    for (Generator g : registry.all()) {
      assertTrue(g.description().endsWith("."), g.name());
      assertTrue(g.params().stream().noneMatch(p -> p.description().isBlank()), g.name());
    }
  }

  @Test
  void theDesignRecordsTheGeneratorAndEveryParameterIncludingDefaults() {
    Design d = generate("mac", Map.of("a_bits", "6"));
    assertEquals(
        Map.of("generator", "mac", "param.a_bits", "6", "param.b_bits", "8", "param.acc_bits", "24"), d.attributes());
  }

  @Test
  void anUnknownParameterListsTheValidNames() {
    ParameterError e = assertThrows(ParameterError.class, () -> generate("counter", Map.of("widht", "8")));
    assertEquals("unknown parameter 'widht' for generator 'counter'; valid parameters: width", e.getMessage());
  }

  @Test
  void aBadValueNamesTheParameterTheValueAndWhatIsValid() {
    ParameterError e = assertThrows(ParameterError.class, () -> generate("counter", Map.of("width", "eight")));
    assertEquals("parameter 'width' = 'eight' is invalid: expected an integer", e.getMessage());
    e = assertThrows(ParameterError.class, () -> generate("counter", Map.of("width", "0")));
    assertEquals("parameter 'width' = '0' is invalid: expected an integer in 1..64", e.getMessage());
  }

  @Test
  void macRefusesAnAccumulatorNarrowerThanAProduct() {
    ParameterError e =
        assertThrows(ParameterError.class, () -> generate("mac", Map.of("a_bits", "8", "b_bits", "8", "acc_bits", "15")));
    assertEquals(
        "parameter 'acc_bits' = '15' is invalid: expected at least a_bits + b_bits = 16 so that a product fits", e.getMessage());
  }

  @Test
  void firChecksItsCoefficientList() {
    ParameterError e =
        assertThrows(ParameterError.class, () -> generate("fir", Map.of("taps", "3", "coeffs", "1,2")));
    assertEquals("parameter 'coeffs' = '1,2' is invalid: expected 3 comma-separated integers (one per tap), not 2", e.getMessage());
    e = assertThrows(ParameterError.class, () -> generate("fir", Map.of("taps", "2", "coeffs", "1,x")));
    assertEquals("parameter 'coeffs' = '1,x' is invalid: expected comma-separated integers", e.getMessage());
  }

  @Test
  void enumParametersAcceptAnyCaseAndListTheChoices() {
    Generator g = registry.get("counter");
    Params p = Params.of(g, Map.of("width", "block"));
    assertEquals(dev.silica.ir.Memory.Style.BLOCK, p.getEnum("width", dev.silica.ir.Memory.Style.class));
    Params bad = Params.of(g, Map.of("width", "huge"));
    ParameterError e = assertThrows(ParameterError.class, () -> bad.getEnum("width", dev.silica.ir.Memory.Style.class));
    assertEquals("parameter 'width' = 'huge' is invalid: expected one of auto, block, distributed", e.getMessage());
  }

  @Test
  void theCounterIsAnEnabledRegisterThatWraps() {
    ModuleDef m = generate("counter", Map.of("width", "5")).topModule();
    assertEquals(
        List.of(new Port("en", Port.Direction.IN, Type.bool(), m.ports().get(0).loc()),
            new Port("count", Port.Direction.OUT, Type.u(5), m.ports().get(1).loc())),
        m.ports());
    assertEquals("en", Ir.register(m, "value").enable());
    assertEquals(Type.u(5), Ir.node(m, Ir.register(m, "value").next()).type());
    assertEquals("value", Ir.driver(m, "count"));
  }

  @Test
  void theMacHasSignedOperandsAndAnAccumulatorOfTheRequestedWidth() {
    ModuleDef m = generate("mac", Map.of("a_bits", "6", "b_bits", "5", "acc_bits", "16")).topModule();
    assertEquals(Type.s(6), m.port("a").orElseThrow().type());
    assertEquals(Type.s(5), m.port("b").orElseThrow().type());
    assertEquals(Type.s(16), m.port("acc").orElseThrow().type());
    assertEquals(Type.s(16), Ir.register(m, "sum").type());
  }

  @Test
  void theFirIsOneSharedTapModuleInstantiatedPerCoefficient() {
    Design d = generate("fir", Map.of("taps", "5", "bits", "8", "coeffs", "1,-4,6,-4,1"));
    // coefficients need 4 signed bits; the sum 8 + 4 + ceil(log2 5) = 15 bits
    assertEquals(List.of("FirTap_x8_c4_acc15", "Fir"), List.copyOf(d.modules().keySet()));
    ModuleDef top = d.topModule();
    assertEquals(5, top.instances().size());
    assertEquals("tap0.sum_out", Ir.driver(top, "y"));
    assertEquals("tap1.sum_out", Ir.instance(top, "tap0").inputs().get("sum_in"));
    assertEquals(Type.s(15), top.port("y").orElseThrow().type());
  }

  @Test
  void theDefaultFirIsABinomialSmoother() {
    Design d = generate("fir", Map.of());
    assertEquals("binomial", d.attributes().get("param.coeffs"));
    ModuleDef top = d.topModule();
    List<Integer> coeffs =
        List.of("tap0", "tap1", "tap2", "tap3").stream()
            .map(t -> ((Op.Const) Ir.node(top, Ir.instance(top, t).inputs().get("coeff")).op()).value().intValue())
            .toList();
    assertEquals(List.of(1, 3, 3, 1), coeffs);
  }
}
