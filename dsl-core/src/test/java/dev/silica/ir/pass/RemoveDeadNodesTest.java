package dev.silica.ir.pass;

import static dev.silica.ir.pass.Sketch.add;
import static dev.silica.ir.pass.Sketch.asyncRead;
import static dev.silica.ir.pass.Sketch.design;
import static dev.silica.ir.pass.Sketch.module;
import static dev.silica.ir.pass.Sketch.not;
import static dev.silica.ir.pass.Sketch.syncRead;
import static dev.silica.ir.pass.Sketch.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Register;
import dev.silica.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only what can reach an output or an instance input survives; ports and instances always do. */
class RemoveDeadNodesTest {

  private static final Type U8 = Type.u(8);
  private static final Type U4 = Type.u(4);

  private static ModuleDef sweep(RemoveDeadNodes pass, ModuleDef... modules) {
    return pass.run(design(modules)).topModule();
  }

  private static List<String> nodeNames(ModuleDef m) {
    return m.nodes().stream().map(Node::name).toList();
  }

  private static List<String> registerNames(ModuleDef m) {
    return m.registers().stream().map(Register::name).toList();
  }

  @Test
  void nodesThatReachNoOutputGoAndTheRestKeepTheirOrder() {
    ModuleDef m =
        module("M")
            .in("x", U8)
            .out("y", U8)
            .node("a", not("x"))
            .node("unused", add("x", "a"))
            .node("b", not("a"))
            .node("alsoUnused", not("unused"))
            .connect("y", "b")
            .build();
    ModuleDef swept = sweep(new RemoveDeadNodes(), m);
    assertEquals(List.of("a", "b"), nodeNames(swept));
    assertEquals(m.ports(), swept.ports());
    assertEquals(m.connects(), swept.connects());
  }

  @Test
  void whatFeedsALiveRegisterLivesAndARegisterNothingReadsGoes() {
    ModuleDef m =
        module("M")
            .in("x", U8)
            .in("en", Type.bool())
            .out("y", U8)
            .node("nextValue", not("x"))
            .node("enable", not("en"))
            .reg("live", U8, "nextValue", "enable")
            .node("fed", not("x"))
            .reg("orphan", U8, "fed")
            .reg("selfish", U8, "selfish")
            .connect("y", "live")
            .build();
    ModuleDef swept = sweep(new RemoveDeadNodes(), m);
    assertEquals(List.of("live"), registerNames(swept));
    assertEquals(List.of("nextValue", "enable"), nodeNames(swept));
  }

  @Test
  void registersThatOnlyFeedEachOtherInACycleGoTogether() {
    ModuleDef m =
        module("M").in("x", U8).out("y", U8).reg("ping", U8, "pong").reg("pong", U8, "ping").connect("y", "x").build();
    assertEquals(List.of(), registerNames(sweep(new RemoveDeadNodes(), m)));
  }

  @Test
  void aMemoryLivesWithItsWritePortsWhileOneOfItsReadPortsIsLive() {
    ModuleDef m =
        module("M")
            .in("addr", U4)
            .in("d", U8)
            .in("we", Type.bool())
            .out("y", U8)
            .node("data", not("d"))
            .node("wen", not("we"))
            .node("unreadAddr", not("addr"))
            .memory(
                "mem",
                16,
                U8,
                ImmutableList.of(asyncRead("used", "addr"), syncRead("unread", "unreadAddr")),
                ImmutableList.of(write("addr", "data", "wen")))
            .connect("y", "used")
            .build();
    ModuleDef swept = sweep(new RemoveDeadNodes(), m);
    Memory mem = swept.memories().get(0);
    assertEquals(List.of("used"), mem.readPorts().stream().map(Memory.ReadPort::name).toList());
    assertEquals(m.memories().get(0).writePorts(), mem.writePorts());
    assertEquals(List.of("data", "wen"), nodeNames(swept));
  }

  @Test
  void aMemoryThatNothingReadsGoesWithWhatFeedsItsWritePorts() {
    ModuleDef m =
        module("M")
            .in("addr", U4)
            .in("d", U8)
            .out("y", U8)
            .node("data", not("d"))
            .memory("log", 16, U8, ImmutableList.of(syncRead("unread", "addr")), ImmutableList.of(write("addr", "data", null)))
            .connect("y", "d")
            .build();
    ModuleDef swept = sweep(new RemoveDeadNodes(), m);
    assertEquals(List.of(), swept.memories());
    assertEquals(List.of(), nodeNames(swept));
  }

  @Test
  void keepingStateKeepsEveryRegisterAndMemoryAndWhatFeedsThem() {
    ModuleDef m =
        module("M")
            .in("addr", U4)
            .in("x", U8)
            .out("y", U8)
            .node("fed", not("x"))
            .reg("orphan", U8, "fed")
            .node("data", not("x"))
            .memory("log", 16, U8, ImmutableList.of(syncRead("unread", "addr")), ImmutableList.of(write("addr", "data", null)))
            .node("dead", not("x"))
            .connect("y", "x")
            .build();
    ModuleDef swept = sweep(RemoveDeadNodes.keepingState(), m);
    assertEquals(List.of("orphan"), registerNames(swept));
    assertEquals(m.memories(), swept.memories());
    assertEquals(List.of("fed", "data"), nodeNames(swept));
  }

  @Test
  void instancesStayAndWhatTheyReadLives() {
    ModuleDef child = module("Child").in("c", U8).out("o", U8).connect("o", "c").build();
    ModuleDef top =
        module("Top")
            .in("x", U8)
            .out("y", U8)
            .node("feed", not("x"))
            .instance("u", child, "c", "feed")
            .connect("y", "x")
            .build();
    ModuleDef swept = sweep(new RemoveDeadNodes(), child, top);
    assertEquals(top.instances(), swept.instances());
    assertEquals(List.of("feed"), nodeNames(swept));
  }
}
