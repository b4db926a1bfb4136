/**
 * The values a Bicep parameter's *type* admits, when the type is a literal or a union of
 * literals: `param size 'Standard_NC4as_T4_v3' | 'Standard_NC8as_T4_v3'`, or the same through a
 * `type gpuSize = …` declared in the file. Bicep compiles such a type to the parameter's
 * `allowedValues` ("a string type with three allowed values: type myStringLiteralType = 'bicep'
 * | 'arm' | 'azure'"; "The union type syntax can also be used in param statements" —
 * https://learn.microsoft.com/azure/azure-resource-manager/bicep/user-defined-data-types), so it
 * is the same guard as `@allowed([...])` (GPU002, GPU004).
 *
 * Three answers: the admitted values (each located at its literal, also in the file a type is
 * imported from); `unknown` when the type names something that cannot be read (a registry
 * import, `import * as ns`): the guard is not known, so it is never judged missing; `undefined`
 * when the type restricts no value (`string`, an object or array type).
 */
import { memberAt, type Value } from '../../core/value.js';
import type { MemberAllowed, MemberKey } from '../types.js';
import type { Expression, TypeDecl, TypeExpr } from '../../parse/bicep/index.js';

export type TypeAllowed = { values: Value[] } | 'unknown' | undefined;

/** Ambient type names that admit any value of their kind. */
const AMBIENT = new Set(['string', 'int', 'bool', 'object', 'array', 'any', 'securestring', 'secureobject']);

/** Type declarations followed through at most this many names (a cycle is a compile error anyway). */
const MAX_DEPTH = 16;

export interface TypeReader {
  /** The file's own `type` declarations by name. */
  types: ReadonlyMap<string, TypeDecl>;
  /** The value of a literal type's expression, located at the literal. */
  literal(e: Expression): Value;
  /** A type imported by name from another file (`import { gpuSize } from 'types.bicep'`): what it admits there. */
  imported?(name: string, depth: number): TypeAllowed;
  /** The declaration of a type imported by name, with the reader of its file; undefined when it cannot be read. */
  importedType?(name: string): { type: TypeExpr; reader: TypeReader } | undefined;
  /** The declaration of `ns.name`, a type of a file imported as a namespace (`import * as ns from 'types.bicep'`), with its file's reader. */
  namespacedType?(ns: string, name: string): { type: TypeExpr; reader: TypeReader } | undefined;
}

export function allowedByType(t: TypeExpr, reader: TypeReader, depth = 0): TypeAllowed {
  if (depth > MAX_DEPTH) return 'unknown';
  switch (t.kind) {
    case 'LiteralType':
      return { values: [reader.literal(t.value)] };
    case 'ParenType':
      return allowedByType(t.type, reader, depth + 1);
    // `T?` admits null too, which means "not given" (the default applies): T's values still guard.
    case 'NullableType':
    case 'NonNullType':
      return allowedByType(t.base, reader, depth + 1);
    case 'UnionType':
      return unionAllowed(t.members, reader, depth);
    case 'TypeName':
      return namedAllowed(t.name.name, t.typeArgs !== null, reader, depth);
    case 'TypeMemberAccess': {
      const ns = namespaced(t, reader);
      if (ns) return allowedByType(ns.type, ns.reader, depth + 1);
      return accessTypeAllowed(t);
    }
    case 'TypeIndexAccess':
    case 'TypeItemsAccess':
    case 'TypeAdditionalPropertiesAccess':
      return accessTypeAllowed(t);
    default:
      return undefined; // object, array and tuple types restrict no single value
  }
}

/**
 * A type read from a resource schema (`resourceInput<'Microsoft.X/y@v'>.properties.vmSize`):
 * size properties are extensible strings there (any value accepted), so it restricts nothing.
 */
function fromResourceSchema(t: TypeExpr): boolean {
  let cur: TypeExpr = t;
  while (cur.kind === 'TypeMemberAccess' || cur.kind === 'TypeIndexAccess' || cur.kind === 'TypeItemsAccess' || cur.kind === 'TypeAdditionalPropertiesAccess') cur = cur.object;
  return cur.kind === 'TypeName' && cur.typeArgs !== null;
}

function unionAllowed(members: readonly TypeExpr[], reader: TypeReader, depth: number): TypeAllowed {
  const values: Value[] = [];
  for (const m of members) {
    const a = allowedByType(m, reader, depth + 1);
    if (a === undefined || a === 'unknown') return a;
    values.push(...a.values);
  }
  return { values };
}

function namedAllowed(name: string, generic: boolean, reader: TypeReader, depth: number): TypeAllowed {
  if (generic || AMBIENT.has(name.toLowerCase())) return undefined; // `resourceInput<'T@v'>`, `string`
  const decl = reader.types.get(name);
  if (decl) return allowedByType(decl.value, reader, depth + 1);
  return reader.imported ? reader.imported(name, depth + 1) : 'unknown';
}

/**
 * What a param's type admits at one member of its value (`type pool = { vmSize: 'A' | 'B' }`,
 * `param pools pool[]`: `[0, 'vmSize']` admits 'A' and 'B'). Bicep compiles an object type's
 * property and an array type's element to a definition of their own, with the member's literal
 * union as its `allowedValues`, so that union is the member's guard. Undefined where the type
 * restricts nothing (`object`, `array`, `any`, a `string` property, a property the type does not
 * declare); `unknown` where it cannot be read (a type that is not read, a union of object types
 * whose member would be chosen by its discriminator).
 */
export function memberAllowedByType(t: TypeExpr, path: readonly MemberKey[], reader: TypeReader, depth = 0, value?: Value): MemberAllowed {
  if (path.length === 0) return allowedByType(t, reader, depth);
  if (depth > MAX_DEPTH) return 'unknown';
  const [key, ...rest] = path as [MemberKey, ...MemberKey[]];
  switch (t.kind) {
    case 'ParenType':
      return memberAllowedByType(t.type, path, reader, depth + 1, value);
    case 'NullableType':
    case 'NonNullType':
      return memberAllowedByType(t.base, path, reader, depth + 1, value);
    case 'ObjectType': {
      if (typeof key !== 'string') return undefined;
      const lower = key.toLowerCase();
      const prop = t.properties.find((p) => !p.isAdditionalProperties && p.keyName?.toLowerCase() === lower) ?? t.properties.find((p) => p.isAdditionalProperties);
      return prop ? memberAllowedByType(prop.value, rest, reader, depth + 1, memberAt(value, key)) : undefined;
    }
    case 'ArrayType':
      return typeof key === 'number' ? memberAllowedByType(t.element, rest, reader, depth + 1, memberAt(value, key)) : undefined;
    case 'TupleType': {
      const item = typeof key === 'number' ? t.items[key] : undefined;
      return item ? memberAllowedByType(item.value, rest, reader, depth + 1, memberAt(value, key)) : undefined;
    }
    case 'TypeName': {
      const name = t.name.name;
      if (t.typeArgs !== null || AMBIENT.has(name.toLowerCase())) return undefined; // `object`, `array`, `resourceInput<…>`
      const decl = reader.types.get(name);
      if (decl) return memberAllowedByType(decl.value, path, reader, depth + 1, value);
      const imported = reader.importedType?.(name);
      return imported ? memberAllowedByType(imported.type, path, imported.reader, depth + 1, value) : 'unknown';
    }
    case 'TypeMemberAccess': {
      const ns = namespaced(t, reader);
      if (ns) return memberAllowedByType(ns.type, path, ns.reader, depth + 1, value);
      return accessTypeAllowed(t);
    }
    case 'TypeIndexAccess':
    case 'TypeItemsAccess':
    case 'TypeAdditionalPropertiesAccess':
      return accessTypeAllowed(t);
    case 'UnionType':
      return taggedUnionMemberAllowed(t.members, path, reader, depth, value);
    default:
      // A literal, an error: not read.
      return 'unknown';
  }
}

/**
 * A member reached through a union of object types, a tagged union (`@discriminator('kind') type
 * pool = gpuPool | cpuPool`, which Bicep requires for a union of objects): the object types whose
 * literal-typed properties (`kind: 'gpu'`) the value written matches are the ones it may be; one
 * left is read as the type; several are read only when they agree that nothing restricts the
 * member (review 74: GPU002 was undecided for every tagged pool type).
 */
function taggedUnionMemberAllowed(members: readonly TypeExpr[], path: readonly MemberKey[], reader: TypeReader, depth: number, value: Value | undefined): MemberAllowed {
  const candidates: { type: ObjectTypeOf; reader: TypeReader }[] = [];
  for (const m of members) {
    const o = objectTypeOf(m, reader, depth + 1);
    if (!o) return 'unknown';
    if (matchesTags(o.type, o.reader, value)) candidates.push(o);
  }
  // A tag no member has: the value fails Bicep's type check, and which guard it meant is not known (self-review 75).
  if (candidates.length === 0) return 'unknown';
  const answers = candidates.map((c) => memberAllowedByType(c.type, path, c.reader, depth + 1, value));
  if (answers.length === 1) return answers[0];
  return answers.every((a) => a === undefined) ? undefined : 'unknown';
}

type ObjectTypeOf = Extract<TypeExpr, { kind: 'ObjectType' }>;

/** The object type a union member names (through parentheses, `type` aliases and imports); undefined when it is not one or cannot be read. */
function objectTypeOf(t: TypeExpr, reader: TypeReader, depth: number): { type: ObjectTypeOf; reader: TypeReader } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (t.kind) {
    case 'ObjectType':
      return { type: t, reader };
    case 'ParenType':
      return objectTypeOf(t.type, reader, depth + 1);
    case 'TypeName': {
      if (t.typeArgs !== null) return undefined;
      const decl = reader.types.get(t.name.name);
      if (decl) return objectTypeOf(decl.value, reader, depth + 1);
      const imported = reader.importedType?.(t.name.name);
      return imported ? objectTypeOf(imported.type, imported.reader, depth + 1) : undefined;
    }
    case 'TypeMemberAccess': {
      const ns = namespaced(t, reader);
      return ns ? objectTypeOf(ns.type, ns.reader, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether an object value may be of an object type: each of the type's literal-typed properties the value writes as a known string holds that literal. */
function matchesTags(t: ObjectTypeOf, reader: TypeReader, value: Value | undefined): boolean {
  if (value?.kind !== 'object') return true;
  for (const p of t.properties) {
    if (p.isAdditionalProperties || p.keyName === null || p.value.kind !== 'LiteralType') continue;
    const written = memberAt(value, p.keyName);
    const tag = reader.literal(p.value.value);
    if (written?.kind === 'string' && tag.kind === 'string' && written.value !== tag.value) return false;
  }
  return true;
}

/** `ns.name` of a namespace import (`import * as ns from 'types.bicep'`): that file's type, when it can be read. */
function namespaced(t: Extract<TypeExpr, { kind: 'TypeMemberAccess' }>, reader: TypeReader): { type: TypeExpr; reader: TypeReader } | undefined {
  if (t.object.kind !== 'TypeName' || t.object.typeArgs !== null || t.typeArgs !== null) return undefined;
  return reader.namespacedType?.(t.object.name.name, t.property.name);
}

/**
 * A type reached through `.`, `[…]`, `[*]` or `.*`: `sys.string` is the ambient type (no
 * restriction); `ns.gpuSize` comes from an `import * as ns` and a resource's schema restricts
 * nothing this reader knows; anything else is not read.
 */
function accessTypeAllowed(t: Extract<TypeExpr, { kind: 'TypeMemberAccess' | 'TypeIndexAccess' | 'TypeItemsAccess' | 'TypeAdditionalPropertiesAccess' }>): undefined | 'unknown' {
  if (t.kind === 'TypeMemberAccess' && t.object.kind === 'TypeName' && t.object.name.name === 'sys' && AMBIENT.has(t.property.name.toLowerCase())) return undefined;
  return fromResourceSchema(t) ? undefined : 'unknown';
}

const PRIMITIVE_TYPES = new Set(['string', 'int', 'bool', 'object', 'array']);

/**
 * The primitive a param's type comes down to, as Bicep compiles it (BICEP.md §4.9): `string`,
 * `string?` (`"nullable": true`), `sys.string`, and a `type` alias of this file for one
 * (`type plainStr = string`), with whether that alias is `@secure()` (its params compile to
 * `securestring`). Undefined for any other type (a union, an object type, an imported alias
 * whose decorators are in another file).
 */
export function primitiveOf(t: TypeExpr, reader: TypeReader, depth = 0): { name: string; secure: boolean } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (t.kind) {
    case 'NullableType':
    case 'NonNullType':
      return primitiveOf(t.base, reader, depth + 1);
    case 'ParenType':
      return primitiveOf(t.type, reader, depth + 1);
    case 'TypeMemberAccess':
      return t.object.kind === 'TypeName' && t.object.name.name === 'sys' && t.typeArgs === null && PRIMITIVE_TYPES.has(t.property.name) ? { name: t.property.name, secure: false } : undefined;
    case 'TypeName': {
      if (t.typeArgs !== null) return undefined;
      const alias = reader.types.get(t.name.name);
      if (!alias) return PRIMITIVE_TYPES.has(t.name.name) ? { name: t.name.name, secure: false } : undefined;
      const base = primitiveOf(alias.value, reader, depth + 1);
      return base && { name: base.name, secure: base.secure || alias.decorators.some((d) => d.name === 'secure') };
    }
    default:
      return undefined;
  }
}
