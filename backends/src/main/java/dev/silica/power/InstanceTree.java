package dev.silica.power;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.ModuleDef;
import java.util.stream.Stream;

/**
 * One instance in a design's hierarchy: its dotted path from the top ({@code ""} for the top
 * itself, {@code core.pe_1} below), its module, and the instances inside it.
 */
public record InstanceTree(String path, ModuleDef module, ImmutableList<Child> children) {

  /** An instance inside its parent: the IR instance and the tree below it. */
  public record Child(Instance instance, InstanceTree tree) {}

  /** The hierarchy of {@code design} from its top. */
  public static InstanceTree of(Design design) {
    return build(design, "", design.topModule());
  }

  private static InstanceTree build(Design design, String path, ModuleDef module) {
    ImmutableList.Builder<Child> children = ImmutableList.builder();
    for (Instance i : module.instances()) {
      children.add(new Child(i, build(design, qualify(path, i.name()), design.module(i.module()))));
    }
    return new InstanceTree(path, module, children.build());
  }

  /** The hierarchical name (as the simulator knows it) of {@code local}, a name inside this instance. */
  public String qualify(String local) {
    return qualify(path, local);
  }

  /** This instance and every instance below it, parents first. */
  public Stream<InstanceTree> all() {
    return Stream.concat(Stream.of(this), children.stream().flatMap(c -> c.tree().all()));
  }

  private static String qualify(String path, String local) {
    return path.isEmpty() ? local : path + "." + local;
  }
}
