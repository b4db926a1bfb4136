/**
 * Public entry of the HCL parser.
 */
export type * from './ast.js';
export { parseHcl } from './parser.js';
