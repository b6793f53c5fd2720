package dev.silica.ir.text;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import dev.silica.ir.BlackBox;
import dev.silica.ir.Connect;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Builds one {@link ModuleDef} from its parse tree, element by element in the text's order, after
 * {@link ModuleScope} has declared every name. Checks what the text states redundantly: each
 * node's type against {@link TypeRules}, register and memory values against their types,
 * instance bindings against the instantiated module's inputs, connections against the outputs.
 */
final class ModuleReader extends SirBaseVisitor<Void> {

  private static final ImmutableMap<String, Memory.Style> STYLES =
      Maps.uniqueIndex(Arrays.asList(Memory.Style.values()), Memory.Style::mnemonic);

  private final TreeLeaves leaves;
  private final Map<String, ModuleDef> earlierModules;
  private final ModuleScope scope;
  private final ModuleDef.Builder builder;
  private boolean sawBlackBox;

  private ModuleReader(TreeLeaves leaves, Map<String, ModuleDef> earlierModules, Sir.ModuleContext ctx) {
    this.leaves = leaves;
    this.earlierModules = earlierModules;
    this.scope = ModuleScope.declare(leaves, ctx, earlierModules);
    this.builder = ModuleDef.builder(scope.moduleName(), leaves.loc(ctx.loc(), ctx));
  }

  /** The module {@code ctx} describes; it may instantiate {@code earlierModules} only. */
  static ModuleDef read(TreeLeaves leaves, Map<String, ModuleDef> earlierModules, Sir.ModuleContext ctx) {
    ModuleReader reader = new ModuleReader(leaves, earlierModules, ctx);
    ctx.item().forEach(reader::visit);
    return reader.builder.build();
  }

  @Override
  public Void visitPort(Sir.PortContext ctx) {
    Port.Direction direction = ctx.direction.getType() == Sir.IN ? Port.Direction.IN : Port.Direction.OUT;
    builder.port(new Port(leaves.name(ctx.id), direction, leaves.type(ctx.type()), leaves.loc(ctx.loc(), ctx)));
    return null;
  }

  @Override
  public Void visitNode(Sir.NodeContext ctx) {
    String name = leaves.name(ctx.id);
    Type declared = leaves.type(ctx.type());
    Op op = new OpReader(leaves, scope, declared).visit(ctx.op());
    Type computed;
    try {
      computed = TypeRules.resultType(op, scope::typeOf);
    } catch (TypeRules.TypeRuleViolation e) {
      throw leaves.error(ctx.op().start, e.getMessage());
    }
    if (!computed.equals(declared)) {
      throw leaves.error(
          ctx.type().start,
          "'" + name + "' is declared " + declared + ", but " + ctx.op().start.getText() + " gives " + computed);
    }
    builder.node(new Node(name, declared, op, leaves.loc(ctx.loc(), ctx)));
    return null;
  }

  @Override
  public Void visitRegister(Sir.RegisterContext ctx) {
    Type type = leaves.type(ctx.type());
    builder.register(
        new Register(
            leaves.name(ctx.id),
            type,
            valueOf(ctx.init, type),
            scope.useOrNull(ctx.next),
            scope.useOrNull(ctx.enable),
            leaves.loc(ctx.loc(), ctx)));
    return null;
  }

  @Override
  public Void visitMemory(Sir.MemoryContext ctx) {
    String name = leaves.name(ctx.id);
    Type word = leaves.type(ctx.type());
    int depth = leaves.count(ctx.depth);
    if (depth < 1) {
      throw leaves.error(ctx.depth, "memory '" + name + "' must have at least one word");
    }
    builder.memory(
        new Memory(
            name,
            depth,
            word,
            initialWords(ctx.memoryInit(), depth, word),
            ctx.style == null ? Memory.Style.AUTO : STYLES.get(ctx.style.getText()),
            ctx.readPort().stream().map(this::readPort).collect(ImmutableList.toImmutableList()),
            ctx.writePort().stream().map(this::writePort).collect(ImmutableList.toImmutableList()),
            leaves.loc(ctx.loc(), ctx)));
    return null;
  }

  private ImmutableList<BigInteger> initialWords(Sir.MemoryInitContext ctx, int depth, Type word) {
    if (ctx == null) {
      return ImmutableList.of();
    }
    if (ctx.number().size() != depth) {
      throw leaves.error(ctx.start, ctx.number().size() + " initial words for a memory of depth " + depth);
    }
    return ctx.number().stream().map(n -> valueOf(n, word)).collect(ImmutableList.toImmutableList());
  }

  private Memory.ReadPort readPort(Sir.ReadPortContext ctx) {
    return new Memory.ReadPort(
        leaves.name(ctx.id),
        scope.use(ctx.addr),
        ctx.kind.getType() == Sir.SYNC,
        scope.useOrNull(ctx.enable),
        leaves.loc(ctx.loc(), ctx));
  }

  private Memory.WritePort writePort(Sir.WritePortContext ctx) {
    return new Memory.WritePort(
        scope.use(ctx.addr), scope.use(ctx.data), scope.useOrNull(ctx.enable), leaves.loc(ctx.loc(), ctx));
  }

  @Override
  public Void visitInstance(Sir.InstanceContext ctx) {
    String moduleName = leaves.name(ctx.moduleName);
    ModuleDef module = earlierModules.get(moduleName);
    UniqueNames bound = new UniqueNames(leaves, "input");
    Map<String, String> inputs = new LinkedHashMap<>();
    for (Sir.BindingContext binding : ctx.binding()) {
      String input = leaves.name(binding.input);
      Token at = binding.input.start;
      if (module.port(input).filter(Port::isInput).isEmpty()) {
        throw leaves.error(at, "module '" + moduleName + "' has no input named '" + input + "'");
      }
      bound.add(input, at);
      inputs.put(input, scope.use(binding.signal));
    }
    builder.instance(
        new Instance(leaves.name(ctx.id), moduleName, ImmutableMap.copyOf(inputs), leaves.loc(ctx.loc(), ctx)));
    return null;
  }

  @Override
  public Void visitBlackBox(Sir.BlackBoxContext ctx) {
    if (sawBlackBox) {
      throw leaves.error(ctx.start, "module '" + scope.moduleName() + "' has a second blackbox line");
    }
    sawBlackBox = true;
    String verilogModule = verilogName(ctx.verilogModule);
    Map<String, BlackBox.Value> parameters = new LinkedHashMap<>();
    UniqueNames seen = new UniqueNames(leaves, "Verilog parameter");
    for (Sir.VerilogParamContext p : ctx.verilogParam()) {
      String name = verilogName(p.id);
      seen.add(name, p.id.start);
      parameters.put(name, p.text == null ? new BlackBox.Number(leaves.number(p.number())) : text(p.text));
    }
    builder.blackBox(
        new BlackBox(
            verilogModule, ImmutableMap.copyOf(parameters), ctx.clockPort == null ? null : verilogName(ctx.clockPort),
            ctx.resetPort == null ? null : verilogName(ctx.resetPort),
            ctx.source == null ? null : Lexicon.unquoted(ctx.source.getText())));
    return null;
  }

  private String verilogName(Sir.NameContext ctx) {
    String name = leaves.name(ctx);
    if (!BlackBox.isIdentifier(name)) {
      throw leaves.error(ctx.start, "'" + name + "' is not a plain Verilog name");
    }
    return name;
  }

  private BlackBox.Text text(Token token) {
    try {
      return new BlackBox.Text(Lexicon.unquoted(token.getText()));
    } catch (IllegalArgumentException e) {
      throw leaves.error(token, e.getMessage());
    }
  }

  @Override
  public Void visitConnect(Sir.ConnectContext ctx) {
    String output = leaves.name(ctx.output);
    if (!scope.isOutput(output)) {
      throw leaves.error(
          ctx.output.start, "module '" + scope.moduleName() + "' has no output named '" + output + "'");
    }
    builder.connect(new Connect(output, scope.use(ctx.source), leaves.loc(ctx.loc(), ctx)));
    return null;
  }

  /** A register's initial value or a memory word, which must fit {@code type}. */
  private BigInteger valueOf(Sir.NumberContext ctx, Type type) {
    BigInteger value = leaves.number(ctx);
    if (!type.fits(value)) {
      throw leaves.error(ctx.start, "the value " + value + " does not fit " + type + " (" + type.min() + ".." + type.max() + ")");
    }
    return value;
  }
}
