package dev.silica.ir.pass;

import static dev.silica.ir.pass.Sketch.add;
import static dev.silica.ir.pass.Sketch.asyncRead;
import static dev.silica.ir.pass.Sketch.cast;
import static dev.silica.ir.pass.Sketch.design;
import static dev.silica.ir.pass.Sketch.module;
import static dev.silica.ir.pass.Sketch.mul;
import static dev.silica.ir.pass.Sketch.nextLine;
import static dev.silica.ir.pass.Sketch.not;
import static dev.silica.ir.pass.Sketch.resize;
import static dev.silica.ir.pass.Sketch.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instances are inlined with hierarchical names, locations kept, into one checked module. */
class FlattenTest {

  private static final Type U8 = Type.u(8);
  private static final Type U16 = Type.u(16);

  /** A multiply-accumulate cell: acc = acc_q, acc_q <= low 16 bits of (acc_q + a * b). */
  private static final ModuleDef MAC =
      module("Mac")
          .in("a", U8)
          .in("b", U8)
          .out("acc", U16)
          .node("mul", mul("a", "b"))
          .node("wide", Type.u(17), add("acc_q", "mul"))
          .node("sum", Type.u(16), resize("wide", 16))
          .reg("acc_q", U16, "sum")
          .connect("acc", "acc_q")
          .build();

  private static Node node(ModuleDef m, String name) {
    return m.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  private static Register register(ModuleDef m, String name) {
    return m.registers().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everySignalOfAnInstanceIsPrefixedWithTheInstanceName() {
    Sketch top = module("Top").in("x", U8).out("y", U16);
    SourceLoc inst = nextLine();
    top.instance("pe_2_3", MAC, "a", "x", "b", "x").connect("y", "pe_2_3.acc");
    Design flat = new Flatten().run(design(MAC, top.build()));

    assertEquals(List.of("Top"), flat.modules().keySet().asList());
    ModuleDef m = flat.topModule();
    assertEquals(List.of(), m.instances());
    assertEquals(
        List.of("pe_2_3.a", "pe_2_3.b", "pe_2_3.mul", "pe_2_3.wide", "pe_2_3.sum", "pe_2_3.acc"),
        m.nodes().stream().map(Node::name).toList());
    assertEquals(new Node("pe_2_3.a", U8, cast("x", false), inst), node(m, "pe_2_3.a"));
    assertEquals(mul("pe_2_3.a", "pe_2_3.b"), node(m, "pe_2_3.mul").op());
    assertEquals(MAC.nodes().get(0).loc(), node(m, "pe_2_3.mul").loc());
    assertEquals("pe_2_3.sum", register(m, "pe_2_3.acc_q").next());
    assertEquals(new Node("pe_2_3.acc", U16, cast("pe_2_3.acc_q", false), inst), node(m, "pe_2_3.acc"));
    assertEquals("pe_2_3.acc", m.connects().get(0).source());
    Passes.checks().run(flat);
  }

  @Test
  void nestedInstancesGetNestedNames() {
    ModuleDef tap = module("Tap").in("x", U8).out("y", U8).node("mul", not("x")).connect("y", "mul").build();
    ModuleDef fir =
        module("Fir").in("x", U8).out("y", U8).instance("tap_0", tap, "x", "x").instance("tap_1", tap, "x", "tap_0.y").connect("y", "tap_1.y").build();
    ModuleDef top = module("Top").in("x", U8).out("y", U8).instance("fir", fir, "x", "x").connect("y", "fir.y").build();
    ModuleDef m = new Flatten().run(design(tap, fir, top)).topModule();
    assertEquals(not("fir.tap_1.x"), node(m, "fir.tap_1.mul").op());
    assertEquals(cast("fir.tap_0.y", false), node(m, "fir.tap_1.x").op());
    assertEquals(cast("fir.tap_1.y", false), node(m, "fir.y").op());
  }

  @Test
  void memoriesAndTheirPortsAreRenamedToo() {
    ModuleDef ram =
        module("Ram")
            .in("addr", Type.u(4))
            .in("d", U8)
            .in("we", Type.bool())
            .out("q", U8)
            .memory("mem", 16, U8, ImmutableList.of(asyncRead("rd", "addr")), ImmutableList.of(write("addr", "d", "we")))
            .connect("q", "rd")
            .build();
    ModuleDef top =
        module("Top").in("a", Type.u(4)).in("d", U8).in("we", Type.bool()).out("q", U8)
            .instance("bank0", ram, "addr", "a", "d", "d", "we", "we").connect("q", "bank0.q").build();
    Memory mem = new Flatten().run(design(ram, top)).topModule().memories().get(0);
    assertEquals("bank0.mem", mem.name());
    assertEquals("bank0.rd", mem.readPorts().get(0).name());
    assertEquals("bank0.addr", mem.readPorts().get(0).addr());
    assertEquals(
        new Memory.WritePort("bank0.addr", "bank0.d", "bank0.we", ram.memories().get(0).writePorts().get(0).loc()),
        mem.writePorts().get(0));
  }

  @Test
  void aDesignWithoutInstancesKeepsItsTopAndDropsUnusedModules() {
    ModuleDef top = module("Top").in("x", U8).out("y", U8).connect("y", "x").build();
    ModuleDef unused = module("Unused").in("x", U8).out("y", U8).connect("y", "x").build();
    Design d = new Design("Top", ImmutableMap.of("Unused", unused, "Top", top), ImmutableMap.of("generator", "test"));
    Design flat = new Flatten().run(d);
    assertEquals(ImmutableMap.of("Top", top), flat.modules());
    assertEquals(d.attributes(), flat.attributes());
  }

  @Test
  void aParentNameThatCollidesWithAHierarchicalNameIsAnError() {
    ModuleDef child = module("Child").in("x", U8).out("y", U8).connect("y", "x").build();
    Sketch top = module("Top").in("x", U8).out("y", U8);
    SourceLoc clash = nextLine();
    top.node("u.x", not("x"));
    SourceLoc inst = nextLine();
    top.instance("u", child, "x", "x").connect("y", "u.y");
    DesignError e = assertThrows(DesignError.class, () -> new Flatten().run(design(child, top.build())));
    assertEquals(inst + ": the name 'u.x' is used twice (first at " + clash + ")", e.getMessage());
  }
}
