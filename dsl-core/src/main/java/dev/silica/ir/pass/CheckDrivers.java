package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ListMultimap;
import com.google.common.collect.MultimapBuilder;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.Instance;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import java.util.List;
import java.util.Optional;

/**
 * Checks that every module is wired completely and unambiguously: instances name existing modules
 * without recursion, signal names are unique, every name read is a signal, every output port is
 * driven exactly once, every register has a next value, and every instance binds each input of
 * its module exactly once and nothing else.
 */
public final class CheckDrivers extends ModuleCheck {

  @Override
  public String name() {
    return "check-drivers";
  }

  @Override
  void check(Design design, ModuleDef module) {
    Signals signals = Signals.of(design, module);
    for (Reads.Read read : Reads.of(design, module)) {
      if (!signals.contains(read.signal())) {
        throw new DesignError(
            read.loc(),
            read.role() + " reads '" + read.signal() + "', which is not a signal of module '" + module.name() + "'");
      }
    }
    checkOutputs(module);
    for (Register r : module.registers()) {
      if (r.next() == null) {
        throw new DesignError(r.loc(), "register '" + r.name() + "' of module '" + module.name() + "' has no next value");
      }
    }
    for (Instance i : module.instances()) {
      checkBindings(i, design.module(i.module()));
    }
  }

  private static void checkOutputs(ModuleDef module) {
    ListMultimap<String, Connect> drivers = MultimapBuilder.hashKeys().arrayListValues().build();
    for (Connect c : module.connects()) {
      Optional<Port> port = module.port(c.port());
      if (port.isEmpty()) {
        throw new DesignError(c.loc(), "module '" + module.name() + "' has no output '" + c.port() + "' to drive");
      }
      if (port.get().isInput()) {
        throw new DesignError(c.loc(), "'" + c.port() + "' is an input of module '" + module.name() + "' and cannot be driven");
      }
      drivers.put(c.port(), c);
    }
    module.outputs()
        .forEach(
            p -> {
              List<Connect> ds = drivers.get(p.name());
              if (ds.isEmpty()) {
                throw new DesignError(p.loc(), "output '" + p.name() + "' of module '" + module.name() + "' is never driven");
              }
              if (ds.size() > 1) {
                throw new DesignError(
                    ds.stream().map(Connect::loc).collect(ImmutableList.toImmutableList()),
                    "output '" + p.name() + "' of module '" + module.name() + "' has " + ds.size() + " drivers:",
                    ds.stream().map(c -> "'" + c.source() + "' at " + c.loc()).collect(ImmutableList.toImmutableList()));
              }
            });
  }

  private static void checkBindings(Instance instance, ModuleDef child) {
    instance.inputs()
        .keySet()
        .forEach(
            port -> {
              Optional<Port> p = child.port(port);
              if (p.isEmpty() || !p.get().isInput()) {
                throw new DesignError(
                    instance.loc(),
                    "instance '" + instance.name() + "' binds '" + port + "', which is not an input of module '"
                        + child.name() + "'");
              }
            });
    child.inputs()
        .filter(p -> !instance.inputs().containsKey(p.name()))
        .findFirst()
        .ifPresent(
            p -> {
              throw new DesignError(
                  instance.loc(),
                  "input '" + p.name() + "' of instance '" + instance.name() + "' (module '" + child.name()
                      + "') is not bound");
            });
  }
}
