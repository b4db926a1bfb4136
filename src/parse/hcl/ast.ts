/**
 * The positioned AST of the HCL2 native syntax (hashicorp/hcl `hclsyntax`).
 * Every node carries its exact source range (1-based line/column, exclusive end).
 * The Terraform evaluator (`src/eval/terraform/`) consumes this; the oracle test
 * converts it to `@cdktf/hcl2json`'s JSON shape to compare with HashiCorp's parser.
 */
import type { Range } from '../../core/source.js';

export interface HclFile {
  /** Absolute path of the file. */
  file: string;
  /** The source text (for code frames and for the source text of expressions). */
  text: string;
  body: Body;
  /** Every comment, in order (suppressions are read from these). */
  comments: Comment[];
  /** Syntax errors; the parser recovers at the next top-level block after each. */
  errors: SyntaxError[];
}

export interface SyntaxError {
  message: string;
  range: Range;
}

export interface Comment {
  /** `#` and `//` comments are `line`; `/* … *\/` is `block`. */
  style: 'line' | 'block';
  /** The text without the comment markers. */
  text: string;
  range: Range;
}

export interface Body {
  items: BodyItem[];
  range: Range;
}

export type BodyItem = Attribute | Block;

export interface Attribute {
  type: 'Attribute';
  name: string;
  nameRange: Range;
  expr: Expression;
  /** From the name to the end of the expression. */
  range: Range;
}

export interface BlockLabel {
  value: string;
  quoted: boolean;
  range: Range;
}

export interface Block {
  type: 'Block';
  blockType: string;
  typeRange: Range;
  labels: BlockLabel[];
  body: Body;
  /** Range of the `{`. */
  openBraceRange: Range;
  /** From the block type to the closing `}` inclusive. */
  range: Range;
}

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | TemplateWrapExpr
  | TupleExpr
  | ObjectExpr
  | ScopeTraversalExpr
  | RelativeTraversalExpr
  | IndexExpr
  | SplatExpr
  | FunctionCallExpr
  | ConditionalExpr
  | BinaryOpExpr
  | UnaryOpExpr
  | ForExpr
  | ParenthesesExpr;

/** Numbers, `true`, `false`, `null`. */
export interface LiteralExpr {
  type: 'Literal';
  value: number | boolean | null;
  /** The number's source text (HCL numbers are arbitrary precision). */
  raw: string;
  range: Range;
}

/** A quoted string or heredoc; a plain string is a template with one `TemplateLiteral` part. */
export interface TemplateExpr {
  type: 'Template';
  parts: TemplatePart[];
  /**
   * Present for heredocs. `indent`: the leading-whitespace width a `<<-` heredoc removed from
   * each line that is not only whitespace (absent when none was removed), by which a literal's
   * characters map back to their columns in the source.
   */
  heredoc?: { marker: string; indented: boolean; indent?: number };
  range: Range;
}

/**
 * A template that is exactly one interpolation (`"${var.x}"`): HCL evaluates it to the
 * inner value without converting it to a string.
 */
export interface TemplateWrapExpr {
  type: 'TemplateWrap';
  wrapped: Expression;
  range: Range;
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

export interface TemplateLiteral {
  type: 'TemplateLiteral';
  /** The decoded text (escapes `\n`, `\"`, `\u…`, `$${`, `%%{` resolved; heredoc indent removed). */
  value: string;
  range: Range;
}

export interface TemplateInterpolation {
  type: 'TemplateInterpolation';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
  range: Range;
}

export interface TemplateIf {
  type: 'TemplateIf';
  condition: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
  range: Range;
}

export interface TemplateFor {
  type: 'TemplateFor';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  body: TemplatePart[];
  range: Range;
}

export interface TupleExpr {
  type: 'Tuple';
  items: Expression[];
  range: Range;
}

export interface ObjectItem {
  /**
   * The key expression. A bare identifier key (`name = …`) is a `ScopeTraversal` with no
   * steps and `bareKey: true` on the item; a quoted key is a `Template`; `(expr)` keys are
   * `Parentheses`.
   */
  key: Expression;
  bareKey: boolean;
  value: Expression;
  /** `=` or `:`. */
  separator: '=' | ':';
  range: Range;
}

export interface ObjectExpr {
  type: 'Object';
  items: ObjectItem[];
  range: Range;
}

export type TraversalStep =
  | { type: 'GetAttr'; name: string; range: Range }
  /** `[expr]` with a literal key, or the legacy `.0` form (`legacyDot: true`). */
  | { type: 'Index'; key: Expression; legacyDot?: boolean; range: Range };

/** `var.x`, `local.y[0]`, `azurerm_x.y.id`: a root name and static steps. */
export interface ScopeTraversalExpr {
  type: 'ScopeTraversal';
  root: string;
  rootRange: Range;
  steps: TraversalStep[];
  range: Range;
}

/** Steps applied to an arbitrary expression: `foo(x).bar`, `(x)[0]`. */
export interface RelativeTraversalExpr {
  type: 'RelativeTraversal';
  source: Expression;
  steps: TraversalStep[];
  range: Range;
}

/** `collection[key]` where `key` is not a literal (hclsyntax `IndexExpr`). */
export interface IndexExpr {
  type: 'Index';
  collection: Expression;
  key: Expression;
  range: Range;
}

/** `x.*.y` (attribute-only, `full: false`) and `x[*].y` (`full: true`). */
export interface SplatExpr {
  type: 'Splat';
  source: Expression;
  full: boolean;
  /** Steps applied to each element after the splat. */
  each: TraversalStep[];
  range: Range;
}

export interface FunctionCallExpr {
  type: 'FunctionCall';
  name: string;
  nameRange: Range;
  args: Expression[];
  /** The last argument is followed by `...`. */
  expandFinal: boolean;
  range: Range;
}

export interface ConditionalExpr {
  type: 'Conditional';
  condition: Expression;
  trueExpr: Expression;
  falseExpr: Expression;
  range: Range;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryOpExpr {
  type: 'BinaryOp';
  op: BinaryOperator;
  left: Expression;
  right: Expression;
  range: Range;
}

export interface UnaryOpExpr {
  type: 'UnaryOp';
  op: '!' | '-';
  operand: Expression;
  range: Range;
}

export interface ForExpr {
  type: 'For';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  /** Present for the object form `{for k, v in x : key => value}`. */
  keyExpr?: Expression;
  valueExpr: Expression;
  condition?: Expression;
  /** `...` after the value in the object form (grouping mode). */
  group: boolean;
  range: Range;
}

export interface ParenthesesExpr {
  type: 'Parentheses';
  expr: Expression;
  range: Range;
}
