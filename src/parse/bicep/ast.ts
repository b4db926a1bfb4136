/**
 * The positioned AST of Bicep (`.bicep`) and Bicep parameter (`.bicepparam`) files.
 *
 * Grammar: `../shared/BICEP.md` §1–§3 (which follows `Bicep.Core/Parsing/*`, not the out-of-date
 * `docs/grammar.md`). Every node has a `kind` discriminant and an exact `range` (1-based line,
 * UTF-16 columns, exclusive end, 0-based offsets; see `src/model/source.ts`).
 *
 * The parser never throws. Syntax errors are collected in `errors`; a node that could not be
 * parsed is an {@link ErrorExpr} (in expressions) or is left out (statements, list elements).
 */
import type { LineMap, Range } from '../../core/source.js';

// ---------------------------------------------------------------------------------------------
// Files, trivia, errors
// ---------------------------------------------------------------------------------------------

export interface BicepSyntaxError {
  message: string;
  range: Range;
  /** Bicep's diagnostic code when BICEP.md names one (`BCP238`, `BCP237`, `BCP103`, …). */
  code?: string;
}

export interface Comment {
  /** `//` comments are `line`, `/* … *\/` comments are `block`. */
  style: 'line' | 'block';
  /** The text without the comment markers (`//`, `/*`, `*\/`). */
  text: string;
  range: Range;
}

export interface Pragma {
  /** `#disable-next-line`, `#disable-diagnostics` or `#restore-diagnostics` (without `#`). */
  directive: 'disable-next-line' | 'disable-diagnostics' | 'restore-diagnostics';
  /** The diagnostic codes listed after the directive (`BCP081`, `no-unused-params`, …). */
  codes: string[];
  /** The 1-based line the pragma is written on (`disable-next-line` applies to `line + 1`). */
  line: number;
  range: Range;
}

interface FileBase {
  /** The file path as given to the parser. */
  file: string;
  /** The source text without a leading U+FEFF (offsets refer to this text). */
  text: string;
  lineMap: LineMap;
  /** Every comment in source order (suppressions such as `// mlops-iac-lint-ignore …` are read from these). */
  comments: Comment[];
  /** `#disable-next-line …` and friends, in source order. */
  pragmas: Pragma[];
  /** Syntax errors in source order; parsing always recovers (at the latest at the next line). */
  errors: BicepSyntaxError[];
  range: Range;
}

export interface BicepFile extends FileBase {
  kind: 'BicepFile';
  statements: Statement[];
}

export interface BicepParamFile extends FileBase {
  kind: 'BicepParamFile';
  statements: ParamFileStatement[];
}

// ---------------------------------------------------------------------------------------------
// Common pieces
// ---------------------------------------------------------------------------------------------

export interface Identifier {
  kind: 'Identifier';
  name: string;
  range: Range;
}

/**
 * `@name(args)`, `@sys.name(args)`, `@az.name(args)`. `name` is the last identifier, `namespace`
 * the one before it (if any); `args` the arguments of the last call (empty for `@name`).
 */
export interface Decorator {
  kind: 'Decorator';
  name: string;
  nameRange: Range;
  namespace: string | null;
  args: Expression[];
  /** The whole decorator expression after `@` (a call, or a member call on a namespace). */
  expression: Expression;
  /** From `@` to the end of the expression. */
  range: Range;
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

export type Statement =
  | TargetScopeDecl
  | MetadataDecl
  | ParamDecl
  | VarDecl
  | TypeDecl
  | FuncDecl
  | ResourceDecl
  | ModuleDecl
  | OutputDecl
  | ImportDecl
  | ExtensionDecl
  | AssertDecl
  | TestDecl;

export type ParamFileStatement =
  | UsingDecl
  | ExtendsDecl
  | ParamAssignment
  | VarDecl
  | ImportDecl
  | TypeDecl
  | ExtensionDecl
  | ExtensionConfigDecl;

interface DeclBase {
  decorators: Decorator[];
  /** The keyword (`param`, `resource`, …). */
  keywordRange: Range;
  /** From the first decorator (or the keyword) to the end of the declaration. */
  range: Range;
}

/** `targetScope = 'subscription'` */
export interface TargetScopeDecl extends DeclBase {
  kind: 'TargetScopeDecl';
  value: Expression;
}

/** `metadata name = value` */
export interface MetadataDecl extends DeclBase {
  kind: 'MetadataDecl';
  name: Identifier;
  value: Expression;
}

/** `param name type [= default]` or `param name resource 'T@v' [= default]`. */
export interface ParamDecl extends DeclBase {
  kind: 'ParamDecl';
  name: Identifier;
  /** The declared type; `null` for the experimental resource-typed form. */
  type: TypeExpr | null;
  /** `param p resource 'T@v'`: the type string. */
  resourceType: StringLiteral | null;
  defaultValue: Expression | null;
}

/** `var name [type] = value` (typed vars: v0.34+). */
export interface VarDecl extends DeclBase {
  kind: 'VarDecl';
  name: Identifier;
  type: TypeExpr | null;
  value: Expression;
}

/** `type name = type` */
export interface TypeDecl extends DeclBase {
  kind: 'TypeDecl';
  name: Identifier;
  value: TypeExpr;
}

export interface FuncParameter {
  kind: 'FuncParameter';
  name: Identifier;
  type: TypeExpr;
  range: Range;
}

/** `func name(a string, b int) string => body` */
export interface FuncDecl extends DeclBase {
  kind: 'FuncDecl';
  name: Identifier;
  params: FuncParameter[];
  returnType: TypeExpr;
  body: Expression;
}

/**
 * `resource name 'NS/type@api' [existing] = body`. Also used for nested child resources inside a
 * resource body (`nested: true`; then `resourceType` is a single segment such as `'subnets'` or
 * `'subnets@2023-04-01'`).
 */
export interface ResourceDecl extends DeclBase {
  kind: 'ResourceDecl';
  name: Identifier;
  resourceType: StringLiteral;
  /** The resource type string when it has no interpolation, e.g. `Microsoft.Storage/storageAccounts@2023-01-01`. */
  typeString: string | null;
  existing: boolean;
  existingRange: Range | null;
  /** The body exactly as written: `{…}`, `if (c) {…}` or `[for … in …: {…} | if (c) {…}]`. */
  value: DeclarationBody;
  /** Convenience: the body object whichever form `value` has (`null` only after a syntax error). */
  body: ObjectExpr | null;
  /** Convenience: the `if (c)` condition, or the loop filter `[for …: if (c) {…}]`. */
  condition: Expression | null;
  /** Convenience: the loop, when `value` is a for-expression. */
  loop: ForExpr | null;
  /** Convenience: the nested `resource` declarations directly inside `body`, in order. */
  children: ResourceDecl[];
  /** True for a resource declared inside another resource's body. */
  nested: boolean;
}

/** `module name 'path' = body` */
export interface ModuleDecl extends DeclBase {
  kind: 'ModuleDecl';
  name: Identifier;
  path: StringLiteral;
  /** The module path when it has no interpolation (`./x.bicep`, `br/public:…:1.0`, `ts:…`). */
  pathString: string | null;
  value: DeclarationBody;
  body: ObjectExpr | null;
  condition: Expression | null;
  loop: ForExpr | null;
}

/** `output name type = value` or `output name resource ['T@v'] = value`. */
export interface OutputDecl extends DeclBase {
  kind: 'OutputDecl';
  name: Identifier;
  /** `null` for resource-typed outputs. */
  type: TypeExpr | null;
  /** `output o resource 'T@v' = …`: true also when the type string is omitted. */
  isResource: boolean;
  resourceType: StringLiteral | null;
  value: Expression;
}

export interface ImportItem {
  kind: 'ImportItem';
  /** The imported symbol: an identifier, or a quoted name (`'a.b' as c`). */
  name: Identifier | StringLiteral;
  /** The imported name as text. */
  originalName: string;
  alias: Identifier | null;
  range: Range;
}

/**
 * - `import {a, b as c} from 'path'` → `form: 'named'`, `items`.
 * - `import * as ns from 'path'` → `form: 'wildcard'`, `alias`.
 * - `import 'az@1.0.0' [with {…}] [as ns]` → `form: 'legacy'` (pre-v0.23 extension syntax).
 */
export interface ImportDecl extends DeclBase {
  kind: 'ImportDecl';
  form: 'named' | 'wildcard' | 'legacy';
  items: ImportItem[];
  alias: Identifier | null;
  from: StringLiteral;
  fromString: string | null;
  config: ObjectExpr | null;
}

/** `extension name|'spec' [with {…}] [as alias]` */
export interface ExtensionDecl extends DeclBase {
  kind: 'ExtensionDecl';
  spec: Identifier | StringLiteral;
  config: ObjectExpr | null;
  alias: Identifier | null;
}

/** `assert name = condition` (experimental). */
export interface AssertDecl extends DeclBase {
  kind: 'AssertDecl';
  name: Identifier;
  value: Expression;
}

/** `test name 'path' = {…}` (experimental). */
export interface TestDecl extends DeclBase {
  kind: 'TestDecl';
  name: Identifier;
  path: StringLiteral;
  value: Expression;
}

/** `.bicepparam`: `using 'path'` / `using none` [`with {…}`]. */
export interface UsingDecl extends DeclBase {
  kind: 'UsingDecl';
  /** `null` for `using none`. */
  path: StringLiteral | null;
  pathString: string | null;
  none: boolean;
  config: ObjectExpr | null;
}

/** `.bicepparam`: `extends 'base.bicepparam'` */
export interface ExtendsDecl extends DeclBase {
  kind: 'ExtendsDecl';
  path: StringLiteral;
  pathString: string | null;
}

/**
 * `.bicepparam`: `param name = value`. `value` is `null` for the bare `@inline() param name`
 * form (experimental: the value is supplied at deployment time).
 */
export interface ParamAssignment extends DeclBase {
  kind: 'ParamAssignment';
  name: Identifier;
  value: Expression | null;
}

/** `.bicepparam`: `extensionConfig name with {…}` (experimental). */
export interface ExtensionConfigDecl extends DeclBase {
  kind: 'ExtensionConfigDecl';
  name: Identifier;
  config: ObjectExpr | null;
}

/** The right-hand side of `resource`/`module` declarations. */
export type DeclarationBody = ObjectExpr | IfBody | ForExpr | ErrorExpr;

/** `if (condition) {…}` as a resource/module body or a loop body with a filter. */
export interface IfBody {
  kind: 'IfBody';
  keywordRange: Range;
  condition: Expression;
  body: ObjectExpr | ErrorExpr;
  range: Range;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expression =
  | IntegerLiteral
  | BooleanLiteral
  | NullLiteral
  | StringLiteral
  | ObjectExpr
  | ArrayExpr
  | ForExpr
  | ParenExpr
  | VariableExpr
  | CallExpr
  | InstanceCallExpr
  | PropertyAccessExpr
  | IndexAccessExpr
  | ResourceAccessExpr
  | NonNullExpr
  | UnaryExpr
  | BinaryExpr
  | TernaryExpr
  | LambdaExpr
  | ErrorExpr;

/** An integer. `-5` is folded into `value: -5` (the range then includes the `-`). */
export interface IntegerLiteral {
  kind: 'Integer';
  value: number;
  /** The digits as written (with a leading `-` when folded); exact beyond 2^53. */
  raw: string;
  range: Range;
}

export interface BooleanLiteral {
  kind: 'Boolean';
  value: boolean;
  range: Range;
}

export interface NullLiteral {
  kind: 'Null';
  range: Range;
}

/**
 * A string: `'…'`, `'a${x}b'`, `'''…'''`, `$'''…${x}…'''`. `segments` are the decoded literal
 * parts (escapes applied; multi-line: verbatim, leading newline stripped) and interleave with
 * `expressions`: `segments.length === expressions.length + 1`.
 */
export interface StringLiteral {
  kind: 'String';
  segments: string[];
  /** Ranges of the literal parts (without quotes and `${` / `}`). */
  segmentRanges: Range[];
  expressions: Expression[];
  /** The value when there is no interpolation, else `null`. */
  value: string | null;
  multiline: boolean;
  /** Number of `$` before `'''` (0 for verbatim multi-line and for single-line strings). */
  dollars: number;
  range: Range;
}

export interface ObjectProperty {
  kind: 'ObjectProperty';
  /** `name:` (any identifier, keywords included) or a (possibly interpolated) string key. */
  key: Identifier | StringLiteral;
  /** The key when it is constant, else `null`. */
  keyName: string | null;
  value: Expression;
  range: Range;
}

export interface SpreadElement {
  kind: 'Spread';
  expression: Expression;
  range: Range;
}

export type ObjectMember = ObjectProperty | SpreadElement | ResourceDecl;

export interface ObjectExpr {
  kind: 'Object';
  /** Properties, spreads and (in resource bodies only) nested resource declarations, in order. */
  members: ObjectMember[];
  range: Range;
}

export interface ArrayExpr {
  kind: 'Array';
  items: (Expression | SpreadElement)[];
  range: Range;
}

/**
 * `[for item in xs: body]`, `[for (item, index) in xs: body]`. For resource/module loops the body
 * can be `if (filter) {…}` ({@link IfBody}).
 */
export interface ForExpr {
  kind: 'For';
  item: Identifier;
  index: Identifier | null;
  iterable: Expression;
  body: Expression | IfBody;
  range: Range;
}

export interface ParenExpr {
  kind: 'Paren';
  expression: Expression;
  range: Range;
}

/** A symbol reference: param, var, resource, module, loop or lambda variable, namespace, … */
export interface VariableExpr {
  kind: 'Variable';
  name: string;
  range: Range;
}

/** `name(args)` */
export interface CallExpr {
  kind: 'Call';
  name: Identifier;
  args: Expression[];
  range: Range;
}

/** `object.name(args)`: namespace calls (`sys.f()`, `az.f()`) and `r.listKeys()`, `kv.getSecret('s')`. */
export interface InstanceCallExpr {
  kind: 'InstanceCall';
  object: Expression;
  name: Identifier;
  args: Expression[];
  range: Range;
}

/** `object.name`, or `object.?name` (`safe`). */
export interface PropertyAccessExpr {
  kind: 'PropertyAccess';
  object: Expression;
  property: Identifier;
  safe: boolean;
  range: Range;
}

/** `object[index]`, `object[?index]` (`safe`), `object[^index]` (`fromEnd`), `object[?^index]`. */
export interface IndexAccessExpr {
  kind: 'IndexAccess';
  object: Expression;
  index: Expression;
  safe: boolean;
  fromEnd: boolean;
  range: Range;
}

/** `parent::child` */
export interface ResourceAccessExpr {
  kind: 'ResourceAccess';
  object: Expression;
  name: Identifier;
  range: Range;
}

/** `x!` */
export interface NonNullExpr {
  kind: 'NonNull';
  expression: Expression;
  range: Range;
}

export interface UnaryExpr {
  kind: 'Unary';
  operator: '!' | '-';
  operand: Expression;
  range: Range;
}

export type BinaryOperator =
  | '*' | '/' | '%'
  | '+' | '-'
  | '<' | '<=' | '>' | '>='
  | '==' | '!=' | '=~' | '!~'
  | '&&' | '||' | '??';

export interface BinaryExpr {
  kind: 'Binary';
  operator: BinaryOperator;
  operatorRange: Range;
  left: Expression;
  right: Expression;
  range: Range;
}

export interface TernaryExpr {
  kind: 'Ternary';
  condition: Expression;
  consequent: Expression;
  alternate: Expression;
  range: Range;
}

/** `x => body`, `(a, b) => body`, `() => body` */
export interface LambdaExpr {
  kind: 'Lambda';
  params: Identifier[];
  body: Expression;
  range: Range;
}

/** Placeholder for an expression that failed to parse (an error was recorded for it). */
export interface ErrorExpr {
  kind: 'Error';
  range: Range;
}

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type TypeExpr =
  | TypeName
  | TypeMemberAccess
  | TypeAdditionalPropertiesAccess
  | TypeItemsAccess
  | TypeIndexAccess
  | ArrayType
  | NullableType
  | NonNullType
  | UnionType
  | ObjectType
  | TupleType
  | ParenType
  | LiteralType
  | ErrorExpr;

/** `string`, `myType`, `resourceInput<'T@v'>` (`typeArgs`). */
export interface TypeName {
  kind: 'TypeName';
  name: Identifier;
  typeArgs: TypeExpr[] | null;
  range: Range;
}

/** `sys.string`, `ns.myType`, `resourceInput<'T@v'>.properties` (`typeArgs` for `ns.generic<…>`). */
export interface TypeMemberAccess {
  kind: 'TypeMemberAccess';
  object: TypeExpr;
  property: Identifier;
  typeArgs: TypeExpr[] | null;
  range: Range;
}

/** `T.*` */
export interface TypeAdditionalPropertiesAccess {
  kind: 'TypeAdditionalPropertiesAccess';
  object: TypeExpr;
  range: Range;
}

/** `T[*]` */
export interface TypeItemsAccess {
  kind: 'TypeItemsAccess';
  object: TypeExpr;
  range: Range;
}

/** `T[0]` */
export interface TypeIndexAccess {
  kind: 'TypeIndexAccess';
  object: TypeExpr;
  index: Expression;
  range: Range;
}

/** `T[]` */
export interface ArrayType {
  kind: 'ArrayType';
  element: TypeExpr;
  range: Range;
}

/** `T?` */
export interface NullableType {
  kind: 'NullableType';
  base: TypeExpr;
  range: Range;
}

/** `T!` */
export interface NonNullType {
  kind: 'NonNullType';
  base: TypeExpr;
  range: Range;
}

/** `A | B | C` (a leading `|` is allowed). */
export interface UnionType {
  kind: 'UnionType';
  members: TypeExpr[];
  range: Range;
}

export interface ObjectTypeProperty {
  kind: 'ObjectTypeProperty';
  decorators: Decorator[];
  /** `name:`, `'quoted key':`, or `*:` (additional properties, `key: null`). */
  key: Identifier | StringLiteral | null;
  keyName: string | null;
  isAdditionalProperties: boolean;
  value: TypeExpr;
  range: Range;
}

export interface ObjectType {
  kind: 'ObjectType';
  properties: ObjectTypeProperty[];
  range: Range;
}

export interface TupleTypeItem {
  kind: 'TupleTypeItem';
  decorators: Decorator[];
  value: TypeExpr;
  range: Range;
}

export interface TupleType {
  kind: 'TupleType';
  items: TupleTypeItem[];
  range: Range;
}

export interface ParenType {
  kind: 'ParenType';
  type: TypeExpr;
  range: Range;
}

/** A literal type: `'a'`, `1`, `-1`, `true`, `null`, `!true`. */
export interface LiteralType {
  kind: 'LiteralType';
  value: IntegerLiteral | BooleanLiteral | NullLiteral | StringLiteral | UnaryExpr;
  range: Range;
}

/** Any node. */
export type BicepNode =
  | Statement
  | ParamFileStatement
  | Expression
  | TypeExpr
  | Identifier
  | Decorator
  | FuncParameter
  | ImportItem
  | IfBody
  | ObjectProperty
  | SpreadElement
  | ObjectTypeProperty
  | TupleTypeItem;
