package dev.silica.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.ir.Design;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generator the registry finds round-trips through the text form: with its defaults, and
 * with the parameter sets below (extremes of width, explicit and negative coefficients).
 */
class GeneratorRoundTripTest {

  private static final GeneratorRegistry REGISTRY = GeneratorRegistry.load();

  /** Parameter sets beyond the defaults, by generator name. */
  private static final ImmutableList<Map.Entry<String, Map<String, String>>> EXTRA_SETS =
      ImmutableList.of(
          Map.entry("counter", ImmutableMap.of("width", "1")),
          Map.entry("counter", ImmutableMap.of("width", "64")),
          Map.entry("fir", ImmutableMap.of("taps", "1", "bits", "1")),
          Map.entry("fir", ImmutableMap.of("taps", "5", "bits", "16", "coeffs", "-3,0,7,-120,1")),
          Map.entry("fir", ImmutableMap.of("taps", "16", "bits", "32")),
          Map.entry("mac", ImmutableMap.of("a_bits", "1", "b_bits", "1", "acc_bits", "2")),
          Map.entry("mac", ImmutableMap.of("a_bits", "64", "b_bits", "64", "acc_bits", "256")));

  static Stream<Arguments> generatorRuns() {
    Stream<Arguments> defaults = REGISTRY.all().stream().map(g -> Arguments.of(g.name(), ImmutableMap.of()));
    Stream<Arguments> extras = EXTRA_SETS.stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    return Stream.concat(defaults, extras);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("generatorRuns")
  void printThenParseGivesTheGeneratedDesignAndTheSameText(String generatorName, Map<String, String> arguments) {
    Generator generator = REGISTRY.get(generatorName);
    Design design = generator.generate(arguments);
    String text = SirPrinter.print(design);
    Design parsed = SirParser.parse(text, generatorName + ".sir");
    assertEquals(design, parsed);
    assertEquals(text, SirPrinter.print(parsed));
  }
}
