package dev.silica.ir.text;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a {@link Design} from the parse tree of a whole {@code .sir} text. */
final class DesignReader {

  private final TreeLeaves leaves;

  DesignReader(TreeLeaves leaves) {
    this.leaves = leaves;
  }

  Design read(Sir.DesignContext ctx) {
    UniqueNames attributeKeys = new UniqueNames(leaves, "attribute");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Sir.AttributeContext attribute : ctx.attribute()) {
      String key = leaves.name(attribute.key);
      attributeKeys.add(key, attribute.key.start);
      attributes.put(key, Lexicon.unquoted(attribute.value.getText()));
    }
    UniqueNames moduleNames = new UniqueNames(leaves, "module");
    Map<String, ModuleDef> modules = new LinkedHashMap<>();
    for (Sir.ModuleContext module : ctx.module()) {
      moduleNames.add(leaves.name(module.id), module.id.start);
      ModuleDef def = ModuleReader.read(leaves, modules, module);
      modules.put(def.name(), def);
    }
    String top = leaves.name(ctx.top);
    if (!modules.containsKey(top)) {
      throw leaves.error(ctx.top.start, "the top module '" + top + "' is not defined in this file");
    }
    return new Design(top, ImmutableMap.copyOf(modules), ImmutableMap.copyOf(attributes));
  }
}
