package dev.silica.testbench.tools;

import dev.silica.synth.Resource;
import dev.silica.synth.ResourceTable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints, for the record, the Yosys resource table of every design in the {@link
 * GeneratorCases#sweep() sweep} (the Transformer blocks at 4, 6 and 8 bits and each implementation
 * choice) and the estimator's error against Yosys on each, with the largest errors last. Takes
 * minutes (one Yosys run per design). Run from the repository root:
 *
 * <pre>
 * mvn -q -pl test-benches -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp test-benches/target/test-classes:test-benches/target/classes:$(cat test-benches/target/test.classpath) \
 *     dev.silica.testbench.tools.ResourceTables [generator,...]
 * </pre>
 */
public final class ResourceTables {

  private ResourceTables() {}

  public static void main(String[] args) {
    Set<String> only = args.length == 0 ? Set.of() : Set.of(args[0].split(","));
    List<EstimateVersusYosys> rows = GeneratorCases.sweep().stream()
        .filter(c -> only.isEmpty() || only.contains(c.generator()))
        .map(EstimateVersusYosys::of)
        .toList();
    System.out.println("Yosys 0.23 synth_xilinx -family xc7 (XC7S15):");
    System.out.printf(Locale.ROOT, "%-96s %6s %6s %6s %4s %6s %6s %6s%n", "design", "LUT", "FF", "CARRY4", "DSP", "RAMB18", "RAMB36", "levels");
    for (EstimateVersusYosys r : rows) {
      ResourceTable y = r.yosys();
      System.out.printf(Locale.ROOT, "%-96s %6d %6d %6d %4d %6d %6d %6d%n", r.design(),
          y.used(Resource.LUT), y.used(Resource.FF), y.used(Resource.CARRY4), y.used(Resource.DSP48E1),
          y.used(Resource.RAMB18), y.used(Resource.RAMB36), y.depth().orElseThrow().levels());
    }
    System.out.println();
    System.out.println("Estimator versus Yosys:");
    System.out.print(EstimateVersusYosys.header());
    rows.forEach(r -> System.out.print(r.row()));
    for (Resource res : EstimateVersusYosys.APPROXIMATE) {
      EstimateVersusYosys worst = rows.stream()
          .max((a, b) -> Double.compare(Math.abs(a.errorPercent(res)), Math.abs(b.errorPercent(res)))).orElseThrow();
      System.out.printf(Locale.ROOT, "largest %s error: %+.1f%% on %s%n", res, worst.errorPercent(res), worst.design());
    }
    for (Resource res : EstimateVersusYosys.EXACT) {
      long wrong = rows.stream().filter(r -> r.difference(res) != 0).count();
      System.out.printf(Locale.ROOT, "%s differs on %d of %d designs%n", res, wrong, rows.size());
    }
    System.out.println();
    for (EstimateVersusYosys r : rows) {
      SynthesisRuns.of(r.design()).designWarnings().forEach(w -> System.out.println("Yosys warned on " + r.design() + ": " + w));
    }
    System.out.printf(Locale.ROOT, "Yosys warnings about the design: %d%n",
        rows.stream().mapToLong(r -> SynthesisRuns.of(r.design()).designWarnings().size()).sum());
  }
}
