package dev.silica.examples.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pareto fronts of two minimized objectives, checked by hand and against a brute-force definition. */
class ParetoFrontTest {

  private record P(String name, double x, double y) {}

  private static List<String> names(List<P> points) {
    return points.stream().map(P::name).toList();
  }

  /** The points no other point dominates, by the definition: at least as good in both, better in one. */
  private static Set<P> bruteForce(List<P> points) {
    return points.stream().filter(p -> points.stream().noneMatch(q -> q.x() <= p.x() && q.y() <= p.y()
        && (q.x() < p.x() || q.y() < p.y()))).collect(Collectors.toSet());
  }

  @Test
  void aHandMadeSetKeepsTheStaircaseAndDropsDominatedAndTiedWorsePoints() {
    List<P> points = List.of(new P("fast-big", 9000, 100), new P("slow-small", 3000, 400),
        new P("middle", 5000, 200), new P("dominated", 6000, 250), new P("same-lut-slower", 5000, 210),
        new P("same-latency-bigger", 9500, 100), new P("twin-of-middle", 5000, 200));
    assertEquals(List.of("slow-small", "middle", "twin-of-middle", "fast-big"),
        names(ParetoFront.of(points, P::x, P::y)));
  }

  @Test
  void randomSetsAgreeWithTheDefinition() {
    Random random = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      List<P> points = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(40); i++) {
        // few distinct values, so that ties in one or both objectives are common
        points.add(new P("p" + i, random.nextInt(8), random.nextInt(8)));
      }
      List<P> front = ParetoFront.of(points, P::x, P::y);
      assertEquals(bruteForce(points), new HashSet<>(front), points.toString());
      assertEquals(front.size(), new HashSet<>(front).size(), "each point once");
    }
  }

  @Test
  void layersPeelOneFrontAfterAnotherUntilEveryPointHasItsRank() {
    List<P> points = List.of(new P("a", 1, 3), new P("b", 3, 1), new P("c", 2, 4), new P("d", 4, 2),
        new P("e", 5, 5));
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")),
        ParetoFront.layers(points, P::x, P::y).stream().map(ParetoFrontTest::names).toList());
  }
}
