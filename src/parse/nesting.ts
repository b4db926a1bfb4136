/**
 * One nesting limit for every parser (HCL, JSON, YAML, Bicep), so that pathological input
 * (`[[[[…`, 100,000 nested objects) is a PARSE001 at the bracket where the limit was hit,
 * never a stack overflow in a parser, a converter or an evaluator further down. Real
 * templates and configurations nest a few dozen levels at most.
 */
export const MAX_NESTING_DEPTH = 500;

export function nestingMessage(limit = MAX_NESTING_DEPTH): string {
  return `Nesting deeper than ${limit} levels: the file is not read past this point`;
}
