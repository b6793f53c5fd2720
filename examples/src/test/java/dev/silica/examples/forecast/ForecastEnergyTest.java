package dev.silica.examples.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Generator;
import dev.silica.dsl.GeneratorRegistry;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.ir.pass.Passes;
import dev.silica.power.EnergyCoefficients;
import dev.silica.power.EnergyEstimate.Part;
import dev.silica.power.SaifWriter;
import dev.silica.transformer.accel.ForecasterGenerator;
import dev.silica.transformer.model.IntegerForecaster;
import dev.silica.transformer.model.TrainedModel;
import dev.silica.verilog.VerilogNames;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The energy of a real inference of the default model's forecaster (one test window, block storage
 * and DSP multipliers): recorded over a bit-exact inference, every part of the design's switching
 * accounted, static power over the time the inference took, and a SAIF file naming the emitted
 * Verilog's nets.
 */
class ForecastEnergyTest {

  private static final int WINDOWS = 1;
  private static final double CLOCK_MHZ = 100;
  private static Design design;
  private static ForecastEnergy.Result result;

  @BeforeAll
  static void measure() {
    Generator forecaster = GeneratorRegistry.load().get("forecaster");
    Params params = Params.of(forecaster, Map.of("storage", "block", "multiplier", "dsp"));
    TrainedModel model = ForecasterGenerator.model(params);
    design = Passes.standard().run(forecaster.elaborate(params));
    result = ForecastEnergy.measure(design, new IntegerForecaster(model.quantized()),
        model.dataset().load(model.config().window()), WINDOWS, CLOCK_MHZ, EnergyCoefficients.XC7S15, done -> { });
  }

  @Test
  void theRecordedInferencesAreBitExact() {
    assertTrue(result.bitExact(), result.agreeing() + " of " + WINDOWS);
  }

  @Test
  void theIntervalCoversEveryInferenceAndItsInputs() {
    long cycles = result.activity().cycles();
    assertTrue(cycles >= WINDOWS * result.inferenceCycles(), cycles + " recorded, " + result.inferenceCycles() + " per inference");
    assertEquals((double) cycles / WINDOWS, result.perInference().cycles(), 1e-9);
    assertEquals(EnergyCoefficients.XC7S15.staticWatts() * cycles / WINDOWS / (CLOCK_MHZ * 1e6),
        result.perInference().staticJoules(), 1e-15);
  }

  @Test
  void logicFlipFlopsBlockRamAndDspsAllSpendEnergy() {
    for (Part p : new Part[] {Part.LOGIC, Part.CARRY, Part.FLIP_FLOPS, Part.CLOCK, Part.BLOCK_RAM, Part.DSP}) {
      assertTrue(result.perInference().joules(p) > 0, p.label() + ": " + result.perInference());
    }
    long accesses = result.activity().memories().values().stream().mapToLong(m -> m.reads() + m.writes()).sum();
    assertTrue(accesses > 0, result.activity().memories().toString());
    assertTrue(result.activity().memories().values().stream().anyMatch(m -> m.writes() > 0),
        "the activation memories are written");
  }

  @Test
  void theSaifNamesOnlyNetsOfTheEmittedVerilog() throws IOException {
    StringWriter saif = new StringWriter();
    SaifWriter.write(result.activity(), VerilogNames.of(design), CLOCK_MHZ, saif);
    String text = saif.toString();
    assertTrue(text.startsWith("(SAIFILE\n"), text.substring(0, 100));
    assertTrue(text.contains("(INSTANCE Forecaster\n"), text.substring(0, 400));
    assertTrue(text.contains("(DURATION " + result.activity().cycles() * 10_000 + ")"));
    assertTrue(text.contains("(start (T0 "), "the start pulse is a top-level net");
  }
}
