/**
 * One nesting limit for every parser (HCL, JSON, YAML, Bicep), so that pathological input
 * (`[[[[…`, 100,000 nested objects) is a PARSE001 at the bracket where the limit was hit,
 * never a stack overflow in a parser, a converter or an evaluator further down. Real
 * templates and configurations nest a few dozen levels at most.
 *
 * A level is a bracket, a block or an interpolation: `[[…[1]…]]` with 500 brackets parses; the
 * error is reported where the content of level 501 starts (for JSON and YAML, which have no
 * leaf expressions, at the bracket that opens level 501).
 */
import { MAX_NESTING_DEPTH } from '../core/limits.js';

export { MAX_NESTING_DEPTH };

export function nestingMessage(limit = MAX_NESTING_DEPTH): string {
  return `Nesting deeper than ${limit} levels: the file is not read past this point`;
}
