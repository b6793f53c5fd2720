package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the hardware of one module while its constructor runs: elements, connections inside
 * when-scopes, memories and instances. Every check that can be made at the user's line is made
 * here; {@link ModuleFinisher} turns the result into an IR module.
 */
final class ModuleBuilder {

  final Module module;
  final ModuleBuilder parent;
  final SourceLoc loc;
  /** Every element owned by this module, in creation order. */
  final List<Ref> refs = new ArrayList<>();
  final List<Ref> ports = new ArrayList<>();
  /** The typed value by which each port was declared, for {@link Module#port}. */
  private final Map<Ref, Signal> portViews = new HashMap<>();
  final List<Mem<?>> memories = new ArrayList<>();
  final List<InstanceRecord> instances = new ArrayList<>();
  final Map<String, String> params = new LinkedHashMap<>();
  final Scope root;
  private final Map<String, Ref> byId = new HashMap<>();
  /** A child's port mapped to the element by which this module reads or drives it. */
  private final Map<Ref, Ref> childPortViews = new HashMap<>();
  private final Map<Op.Const, Ref> constants = new HashMap<>();
  private Scope scope;
  /** What a {@link BlackBox} declares, or null for an ordinary module. */
  BlackBoxSpec blackBox;
  /** The IR module name, once finished. */
  String irName;

  ModuleBuilder(Module module, ModuleBuilder parent, SourceLoc loc) {
    this.module = module;
    this.parent = parent;
    this.loc = loc;
    this.root = new Scope(null, null, 0, loc);
    this.scope = root;
  }

  /** The module's name before de-duplication: its declared name and its parameters. */
  String baseName() {
    StringBuilder sb = new StringBuilder(module.moduleName());
    params.forEach((k, v) -> sb.append('_').append(k).append(v));
    return sb.toString();
  }

  Ref byId(String id) {
    return byId.get(id);
  }

  Scope scope() {
    return scope;
  }

  // ---- elements ----

  private Ref add(Ref r) {
    refs.add(r);
    byId.put(r.id, r);
    return r;
  }

  /** Declares a named element (port, register, wire). */
  Ref declare(Ref.Kind kind, String name, Type type, SourceLoc at) {
    Names.checkLegal(name, at);
    if (kind == Ref.Kind.INPUT || kind == Ref.Kind.OUTPUT) {
      Names.checkPortName(name, at);
      for (Ref p : ports) {
        if (p.name.equals(name)) {
          throw new DesignError(at, "the port name '" + name + "' is already used (at " + p.loc + ")");
        }
      }
    }
    Ref r = add(new Ref(this, kind, type, at));
    r.nameAs(name, Ref.NameSource.EXPLICIT);
    if (kind == Ref.Kind.INPUT || kind == Ref.Kind.OUTPUT) {
      ports.add(r);
    }
    return r;
  }

  /** Remembers the typed value of a port, for lookups by name. */
  <T extends Signal> T registerPortView(T view) {
    portViews.put(view.ref, view);
    return view;
  }

  Signal portView(Ref port) {
    return portViews.get(port);
  }

  /** A memory read port, named {@code name} or automatically after its memory. */
  Ref readPort(Type type, String memoryName, SourceLoc at) {
    Ref r = add(new Ref(this, Ref.Kind.READ_PORT, type, at));
    r.autoBase = memoryName + "_rd";
    return r;
  }

  /** A node computing {@code op} (operands are ids of this module), checked against the width table. */
  Ref node(Op op, SourceLoc at) {
    Type type;
    try {
      type = TypeRules.resultType(op, id -> byId.get(id).type);
    } catch (TypeRules.TypeRuleViolation e) {
      throw new DesignError(at, e.getMessage());
    }
    Ref r = add(new Ref(this, Ref.Kind.NODE, type, at));
    r.op = op;
    r.autoBase = AutoNames.of(op) + "_" + at.line();
    return r;
  }

  /** The constant node of this value and type, made once per module. */
  Ref constant(BigInteger value, Type type, SourceLoc at) {
    Op.Const c = new Op.Const(value, type);
    Ref existing = constants.get(c);
    if (existing != null) {
      return existing;
    }
    Ref r = node(c, at);
    r.autoBase = AutoNames.ofConstant(value, type);
    constants.put(c, r);
    return r;
  }

  /** A fresh constant node that can carry its own name. */
  Ref namedConstant(BigInteger value, Type type, SourceLoc at) {
    return node(new Op.Const(value, type), at);
  }

  // ---- using and driving signals ----

  /**
   * {@code r} as an element of this module: itself, the view of a child's port, or a literal
   * placed here.
   *
   * @throws DesignError when {@code r} belongs to another module
   */
  Ref use(Ref r, SourceLoc at) {
    if (r.kind == Ref.Kind.LITERAL) {
      return constant(r.value, r.type, at);
    }
    if (r.owner == this) {
      if (r.kind == Ref.Kind.WIRE
          && r.defaultValue == null
          && !root.touches(r)
          && r.readBeforeConnect == null) {
        r.readBeforeConnect = at;
      }
      return r;
    }
    Ref view = childPortViews.get(r);
    if (view == null) {
      throw foreign(r, at);
    }
    return view;
  }

  private DesignError foreign(Ref r, SourceLoc at) {
    return new DesignError(
        at,
        r.describe()
            + " belongs to module "
            + r.owner.baseName()
            + ", not to "
            + baseName()
            + ": a module can use only its own signals and the ports of its instances; pass the value"
            + " through a port");
  }

  /** Connects {@code value} to {@code target} in the current scope, with every check at the user's line. */
  void connect(Ref target, Ref value, SourceLoc at) {
    Ref t = drivable(target, at);
    Ref v = use(value, at);
    if (!v.type.equals(t.type)) {
      throw new DesignError(
          at, "cannot connect " + v.type + " to " + t.describe() + " of type " + t.type + ": " + conversionHint(v.type, t.type));
    }
    SourceLoc previous = scope.connectedHere(t);
    if (previous != null) {
      throw new DesignError(
          at,
          t.describe()
              + " is already connected in this scope (at "
              + previous
              + "): connect it once per scope, and override it inside when(...)");
    }
    scope.connect(t, v, at);
  }

  /** How to turn a value of type {@code actual} into one of type {@code wanted}, for messages. */
  static String conversionHint(Type actual, Type wanted) {
    return actual.signed() != wanted.signed()
        ? (wanted.signed() ? "asSInt()" : "asUInt()") + " reinterprets the bits"
        : "resize(" + wanted.width() + ") or saturate(" + wanted.width() + ") converts explicitly";
  }

  /** Whether a connection here drives {@code r}: an output of this module or an input of an instance. */
  boolean isDrivableHere(Ref r) {
    Ref here = r.owner == this ? r : childPortViews.get(r);
    return here != null && (here.kind == Ref.Kind.OUTPUT || here.kind == Ref.Kind.INSTANCE_INPUT);
  }

  private Ref drivable(Ref target, SourceLoc at) {
    if (target.kind == Ref.Kind.LITERAL) {
      throw new DesignError(at, "cannot connect to " + target.describe());
    }
    Ref t = target.owner == this ? target : childPortViews.get(target);
    if (t == null) {
      throw foreign(target, at);
    }
    return switch (t.kind) {
      case OUTPUT, WIRE, REGISTER, INSTANCE_INPUT -> t;
      case INPUT -> throw new DesignError(
          at, "cannot drive " + t.describe() + " from inside module " + baseName() + ": its parent drives it");
      case INSTANCE_OUTPUT -> throw new DesignError(
          at, "cannot drive " + t.describe() + ": it is driven inside " + t.instance.child.builder().baseName());
      case NODE, READ_PORT -> throw new DesignError(
          at, "cannot connect to " + t.describe() + ": it is computed by an operation; declare a wire to connect to");
      case LITERAL -> throw new AssertionError(t);
    };
  }

  // ---- when-scopes ----

  Scope.WhenBlock beginWhen(SourceLoc at) {
    Scope.WhenBlock block = new Scope.WhenBlock(scope, at);
    scope.statements.add(block);
    return block;
  }

  void runBranch(Scope.WhenBlock block, Ref condition, Runnable body, SourceLoc at) {
    Ref c = use(condition, at);
    block.conditions.add(c);
    Scope branch = new Scope(block.parent, block, block.conditions.size() - 1, at);
    block.branches.add(branch);
    runIn(branch, body);
  }

  void runOtherwise(Scope.WhenBlock block, Runnable body, SourceLoc at) {
    Scope branch = new Scope(block.parent, block, -1, at);
    block.otherwise = branch;
    runIn(branch, body);
  }

  private void runIn(Scope s, Runnable body) {
    Scope saved = scope;
    scope = s;
    try {
      body.run();
    } finally {
      scope = saved;
    }
  }

  /** The u1 condition under which the current scope is active, or null in the module body. */
  Ref activeCondition() {
    return activeCondition(scope);
  }

  private Ref activeCondition(Scope s) {
    if (s.isRoot() || s.activeCondition != null) {
      return s.activeCondition;
    }
    Scope.WhenBlock b = s.block;
    Ref c = s.branch >= 0 ? b.conditions.get(s.branch) : null;
    int earlier = s.branch >= 0 ? s.branch : b.conditions.size();
    for (int j = 0; j < earlier; j++) {
      Ref notEarlier = node(new Op.Unary(Op.UnaryKind.NOT, b.conditions.get(j).id), s.loc);
      c = and(c, notEarlier, s.loc);
    }
    s.activeCondition = and(activeCondition(s.parent), c, s.loc);
    return s.activeCondition;
  }

  /** {@code a & b} where either may be null (meaning true). */
  Ref and(Ref a, Ref b, SourceLoc at) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return node(new Op.Binary(Op.BinaryKind.AND, a.id, b.id), at);
  }

  // ---- memories and instances ----

  void addMemory(Mem<?> m) {
    memories.add(m);
  }

  /**
   * Records {@code child} (already finished) as an instance, with views of its ports for this
   * module; {@code explicitName} (or null) has been checked by the caller.
   */
  InstanceRecord addInstance(Module child, String explicitName, SourceLoc at) {
    InstanceRecord inst = new InstanceRecord(child, explicitName, at);
    inst.autoBase = Names.lowerFirst(child.moduleName()) + "_" + at.line();
    instances.add(inst);
    for (Ref port : child.builder().ports) {
      Ref.Kind kind = port.kind == Ref.Kind.INPUT ? Ref.Kind.INSTANCE_INPUT : Ref.Kind.INSTANCE_OUTPUT;
      Ref view = add(new Ref(this, kind, port.type, at));
      view.childPort = port;
      view.instance = inst;
      childPortViews.put(port, view);
    }
    return inst;
  }

  void finish(Elaboration elaboration) {
    Names.checkLegal(module.moduleName(), loc);
    ModuleDef def = new ModuleFinisher(this).build(baseName());
    if (blackBox != null) {
      def = def.withBlackBox(blackBox.finish(this, elaboration.modules()));
    }
    irName = elaboration.share(def);
  }
}
