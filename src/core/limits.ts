/**
 * Limits shared by every evaluator, so a loop means the same in Terraform, ARM and Bicep.
 * RULES.md "Parse and evaluation problems": loops expand up to 1,024 instances before the
 * cap applies (an EVAL001 note then says how many were left out).
 */
export const LOOP_INSTANCE_CAP = 1024;

/**
 * The largest text file read (bytes). IaC files are far smaller (an ARM template may not exceed
 * 4 MB, Azure Resource Manager's limit); reading and parsing costs 60–75 times a file's size in
 * memory, so a larger file is PARSE001 ("too large"), not a run that runs out of heap. Plan JSON
 * is streamed in chunks and has no such cap.
 */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/**
 * The deepest nesting read (brackets, blocks, interpolations): every parser stops there with a
 * PARSE001 (src/parse/nesting.ts), and data decoded from a string or a file at evaluation time
 * (`jsondecode()`, `file("rule.json")`, `loadJsonContent()`) becomes unknown past it, so
 * pathological input is never a stack overflow further down. Real templates nest a few dozen
 * levels at most.
 */
export const MAX_NESTING_DEPTH = 500;
