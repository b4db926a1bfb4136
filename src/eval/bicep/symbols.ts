/**
 * The symbols of a Bicep file and their evaluated instances. Every symbol is evaluated lazily,
 * once, with a cycle guard (state 0 = not yet, 1 = in progress, 2 = done): a declaration that
 * refers to itself becomes unknown with an EVAL001, never a crash or a loop.
 */
import type { Location } from '../../core/source.js';
import type { Value } from '../../core/value.js';
import type { ChainedSlot } from '../../core/limits.js';
import type { Expression, ModuleDecl, ParamDecl, ResourceDecl } from '../../parse/bicep/index.js';
import { problem } from './context.js';
import type { Locals } from './context.js';
import type { FileScope } from './scope.js';

export interface Slot<D> extends ChainedSlot {
  decl: D;
  state: 0 | 1 | 2;
  value?: Value;
  via: Location;
}

export interface ParamSlot extends Slot<ParamDecl | null> {
  name: string;
  assigned?: Value;
  /** A `null` argument or parameter-file value for a param with a default: the default applies (RULES.md "Null arguments"). */
  nullGiven?: Value;
  /** The default's value, evaluated for the param's InputDecl before the param was read (`FileScope.defaultForInput`). */
  defaultValue?: Value;
  /** `.bicepparam` assignment expression (param files only). */
  expr?: Expression | null;
}

/** One evaluated instance of a resource declaration. */
export interface ResInst {
  sym: ResSym;
  locals: Locals;
  index?: number;
  condition?: Value;
  type: string;
  apiVersion?: string;
  /** Fully qualified name (`parent/child`). */
  fullName: Value;
  /** The name as written (`sym.name`). */
  leafName: Value;
  bodyState: 0 | 1 | 2;
  bodyValue?: Value;
  parent?: ResInst;
}

/** One evaluated instance of a module declaration. */
export interface ModInst {
  sym: ModSym;
  locals: Locals;
  index?: number;
  condition?: Value;
  name: Value;
  child?: FileScope | null;
  emitted?: boolean;
}

/** A resource declaration (nested ones are children, named `parent::child`). */
export class ResSym {
  readonly children = new Map<string, ResSym>();
  state: 0 | 1 | 2 = 0;
  list: ResInst[] = [];
  constructor(
    readonly scope: FileScope,
    readonly decl: ResourceDecl,
    readonly symbolicName: string,
    readonly nestedParent: ResSym | undefined,
  ) {
    const cs = decl.children;
    for (let i = 0; i < cs.length; i++) this.children.set(cs[i]!.name.name, new ResSym(scope, cs[i]!, `${symbolicName}::${cs[i]!.name.name}`, this));
  }

  instances(): ResInst[] {
    if (this.state === 2) return this.list;
    if (this.state === 1) {
      problem(this.scope.env, `Resource '${this.decl.name.name}' depends on itself`, this.scope.loc(this.decl.name.range));
      return [];
    }
    this.state = 1;
    try {
      this.list = this.scope.resourceInstances(this);
    } catch (e) {
      problem(this.scope.env, `Internal error while evaluating this resource: ${(e as Error).message}`, this.scope.loc(this.decl.keywordRange));
      this.list = [];
    }
    this.state = 2;
    return this.list;
  }
}

/** A module declaration. */
export class ModSym {
  state: 0 | 1 | 2 = 0;
  list: ModInst[] = [];
  constructor(
    readonly scope: FileScope,
    readonly decl: ModuleDecl,
  ) {}

  instances(): ModInst[] {
    if (this.state === 2) return this.list;
    if (this.state === 1) return [];
    this.state = 1;
    try {
      this.list = this.scope.moduleInstances(this);
    } catch (e) {
      problem(this.scope.env, `Internal error while evaluating this module: ${(e as Error).message}`, this.scope.loc(this.decl.keywordRange));
      this.list = [];
    }
    this.state = 2;
    return this.list;
  }
}
