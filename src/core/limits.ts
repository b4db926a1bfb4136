/**
 * Limits shared by every evaluator, so a loop means the same in Terraform, ARM and Bicep.
 * RULES.md "Parse and evaluation problems": loops expand up to 1,024 instances before the
 * cap applies (an EVAL001 note then says how many were left out).
 */
export const LOOP_INSTANCE_CAP = 1024;

/** How many instances a loop asks for, as an EVAL001 message says it: a count past what a number holds exactly (`count = 1e400`) is "more than" the cap. */
export function loopCountText(n: number, cap: number): string {
  return Number.isSafeInteger(n) ? String(n) : `more than ${cap}`;
}

/**
 * The most loop instances one evaluation expands in total (resources, module calls, dynamic
 * blocks, copies): each loop stays under LOOP_INSTANCE_CAP, but loops inside loops multiply
 * (a module with `count = 1024` around a resource with `count = 1024` is a million bodies,
 * minutes and gigabytes). Past it, further instances are left out with an EVAL001 note. Real
 * configurations expand a few thousand at most.
 */
export const EXPANSION_BUDGET = 20_000;

/** What is left of one evaluation's EXPANSION_BUDGET (shared by the templates and modules it evaluates). */
export interface ExpansionBudget {
  left: number;
  /** The budget ran out (its EVAL001 note is made once). */
  hit: boolean;
}

export function newExpansionBudget(): ExpansionBudget {
  return { left: EXPANSION_BUDGET, hit: false };
}

/**
 * How many of `wanted` loop instances the budget still allows, taken from it; `onFirstCut` runs
 * the first time it allows fewer (for its EVAL001 note).
 */
export function takeExpansions(b: ExpansionBudget, wanted: number, onFirstCut: (message: string) => void): number {
  const n = Math.min(wanted, b.left);
  b.left -= n;
  if (n < wanted && !b.hit) {
    b.hit = true;
    onFirstCut(`loops inside loops expand to more than ${EXPANSION_BUDGET.toLocaleString('en-US')} instances in this evaluation; the instances past that are not evaluated`);
  }
  return n;
}

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

/**
 * Declarations that read one another (`var v0 = v1`, `var v1 = v2`, …; ARM `variables('v1')`)
 * are followed this many levels deep, as Terraform references are (eval/terraform/guard.ts);
 * deeper, the value is unknown with an EVAL001 where the chain was cut. A chain of 900 ARM or
 * 1,700 Bicep variables overflowed the stack and lost the whole resource (review 69).
 */
export const MAX_DECLARATION_CHAIN = 256;

/** The EVAL001 message where a declaration chain is cut, and the unknown's reason (one wording for every evaluator). */
export const DECLARATION_CHAIN_MESSAGE = `References are nested deeper than ${MAX_DECLARATION_CHAIN} levels here; the value is treated as unknown.`;
export const DECLARATION_CHAIN_REASON = `references nested deeper than ${MAX_DECLARATION_CHAIN} levels`;

/** An evaluator's count of the declarations being evaluated, one inside another, and of the cuts made. */
export interface DeclarationChain {
  chain: number;
  cuts: number;
}

/**
 * A declaration's kept value: `cutDepth` is set when the chain was cut while it was evaluated,
 * the depth it was evaluated at. A read from a shallower depth evaluates it again (with more room
 * below it, the cut may not be reached), so the value does not depend on which resource read it
 * first (self-review 70); a read at the same depth or deeper takes the value kept.
 */
export interface ChainedSlot {
  cutDepth?: number;
}

/** Whether a declaration read now is past the chain's depth (then `cutDeclarationChain` and unknown). */
export function declarationChainFull(env: DeclarationChain): boolean {
  return env.chain >= MAX_DECLARATION_CHAIN;
}

/** Counts a cut (the caller reports DECLARATION_CHAIN_MESSAGE where it is). */
export function cutDeclarationChain(env: DeclarationChain): void {
  env.cuts++;
}

/** Whether a kept value was cut deeper than a read from here would cut it (ChainedSlot.cutDepth). */
export function evaluateAgain(env: DeclarationChain, slot: ChainedSlot): boolean {
  return slot.cutDepth !== undefined && env.chain < slot.cutDepth;
}

/** Evaluates a declaration one level deeper in the chain, and records on `slot` whether a cut happened inside it. */
export function inDeclarationChain<T>(env: DeclarationChain, slot: ChainedSlot, evaluate: () => T): T {
  const depth = env.chain;
  const cuts = env.cuts;
  env.chain++;
  try {
    return evaluate();
  } finally {
    env.chain--;
    if (env.cuts !== cuts) slot.cutDepth = depth;
    else delete slot.cutDepth;
  }
}
