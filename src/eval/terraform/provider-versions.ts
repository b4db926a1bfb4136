/**
 * Which provider versions a Terraform configuration can run with, as far as its version
 * constraints bound them from above: what the model needs to name an argument the way the
 * user's provider spells it (azurerm renamed some in 3.0, 4.0 and 4.42) and to pick the default
 * that provider applies. Only an upper bound matters; a constraint this module cannot read
 * bounds nothing, so an unreadable one leaves the latest provider's names and defaults.
 *
 * Constraint syntax (developer.hashicorp.com/terraform/language/expressions/version-constraints):
 * comma-separated clauses, all of which must hold; operators `=` (or none), `!=`, `>`, `>=`,
 * `<`, `<=` and `~>` ("allows only the rightmost version component to increment": `~> 3.85`
 * is `>= 3.85, < 4.0`, `~> 3.1.0` is `>= 3.1.0, < 3.2.0`). A one-component `~> 3` is left
 * unbounded (its reading differs between go-version releases).
 */
import type { TerraformModuleFacts } from './module-facts.js';

type Version = [number, number, number];

interface UpperBound {
  version: Version;
  /** Whether `version` itself is allowed (`<=`, `=`) or only what is below it (`<`, `~>`). */
  inclusive: boolean;
}

const CLAUSE = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?$/;

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

/** The upper bound one clause sets, or undefined (a lower bound, `!=`, or text it cannot read). */
function clauseBound(clause: string): UpperBound | undefined {
  const m = CLAUSE.exec(clause.trim());
  if (!m) return undefined;
  const [, op = '=', major, minor, patch] = m;
  const v: Version = [Number(major), Number(minor ?? 0), Number(patch ?? 0)];
  switch (op) {
    case '=':
      return { version: v, inclusive: true };
    case '<':
      return { version: v, inclusive: false };
    case '<=':
      return { version: v, inclusive: true };
    case '~>':
      if (minor === undefined) return undefined;
      return patch === undefined ? { version: [v[0] + 1, 0, 0], inclusive: false } : { version: [v[0], v[1] + 1, 0], inclusive: false };
    default:
      return undefined;
  }
}

/** The lowest upper bound of all the clauses of all the constraints (each must hold). */
export function upperBound(constraints: readonly string[]): UpperBound | undefined {
  let best: UpperBound | undefined;
  for (const c of constraints) {
    for (const clause of c.split(',')) {
      const b = clauseBound(clause);
      if (!b) continue;
      const order = best ? compare(b.version, best.version) : -1;
      if (order < 0 || (order === 0 && !b.inclusive)) best = b;
    }
  }
  return best;
}

/** Whether every version the bound allows is below `version`. */
export function onlyBelow(bound: UpperBound, version: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  const order = compare(bound.version, v);
  return bound.inclusive ? order < 0 : order <= 0;
}

/**
 * For a root module: "does the configuration allow only versions of `provider` below this one?",
 * from every constraint it writes (`required_providers` of the root and the local modules it
 * calls, a legacy `version` in a `provider` block) and the version its `.terraform.lock.hcl`
 * selects. Undefined when nothing bounds it (the latest provider applies).
 */
export function providerVersionCeiling(root: TerraformModuleFacts, provider: string): ((version: string) => boolean) | undefined {
  const constraints: string[] = [];
  for (const m of [root, ...root.configuration]) {
    for (const rp of m.requiredProviders) if (rp.name === provider && rp.version?.kind === 'string') constraints.push(rp.version.value);
    for (const p of m.providers) {
      const v = p.name === provider ? p.body.entries.get('version') : undefined;
      if (v?.kind === 'string') constraints.push(v.value);
    }
  }
  const locked = root.lockedVersions?.get(provider);
  if (locked) constraints.push(`= ${locked}`);
  const bound = upperBound(constraints);
  return bound ? (version) => onlyBelow(bound, version) : undefined;
}
