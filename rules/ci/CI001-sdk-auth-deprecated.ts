/**
 * CI001 sdk-auth-deprecated: `az ad sp create-for-rbac --sdk-auth|--json-auth` in a CI
 * script (workflow `run:`, Azure Pipelines script or inline script, `.sh`/`.ps1` file), and
 * in commented-out lines anywhere in a CI file (at `note`).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { CiWord } from '../../src/model/ci.js';

const FLAGS = new Set(['--sdk-auth', '--json-auth']);

function isAz(w: CiWord): boolean {
  const t = w.text.toLowerCase();
  return t === 'az' || t === 'az.cmd' || t.endsWith('/az') || t.endsWith('\\az.cmd');
}

/** A flag found in a command: its text as written and its exact range. */
interface FoundFlag {
  text: string;
  range: CiWord['range'];
}

/**
 * `az ad sp create-for-rbac … --sdk-auth` inside a command substitution that is itself inside
 * double quotes (`CREDS="$(az ad sp create-for-rbac … --sdk-auth)"`, `echo "$(…)"`): the shell
 * runs it, but the lexer keeps a double-quoted string as one word. Read the word's raw text.
 * Linear in the word's length (hostile input: a word of many `$(`): each opener reads only up
 * to the next blank or shell character.
 */
const AZ_PROGRAM = /^(?:.*\/)?az(?:\.cmd)?$/i;
const CREATE_FOR_RBAC = /\s+ad\s+sp\s+create-for-rbac\b/iy;
const FLAG_IN_TEXT = /(?<=\s)(--sdk-auth|--json-auth)(?:(?:=|\s+)(\S+))?/gi;
/** Characters that end the program word after an opener. */
const PROGRAM_END = /[\s$()`"';|&]/;

function flagsInQuotedSubstitutions(w: CiWord): FoundFlag[] {
  const out: FoundFlag[] = [];
  const raw = w.raw;
  if (!raw.includes('"')) return out;
  let singleQuotes = 0;
  let counted = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    const opener = c === '`' ? 1 : c === '$' && raw[i + 1] === '(' ? 2 : 0;
    if (opener === 0) continue;
    let p = i + opener;
    while (p < raw.length && (raw[p] === ' ' || raw[p] === '\t')) p++;
    let e = p;
    while (e < raw.length && !PROGRAM_END.test(raw[e]!)) e++;
    if (e === p || !AZ_PROGRAM.test(raw.slice(p, e))) continue;
    CREATE_FOR_RBAC.lastIndex = e;
    if (!CREATE_FOR_RBAC.test(raw)) continue;
    // Inside single quotes nothing is run (an odd number of `'` before the opener opens one).
    for (; counted < i; counted++) if (raw[counted] === "'") singleQuotes++;
    if (singleQuotes % 2 === 1) continue;
    const argsAt = CREATE_FOR_RBAC.lastIndex;
    let argsEnd = argsAt;
    while (argsEnd < raw.length && raw[argsEnd] !== ')' && raw[argsEnd] !== '`' && raw[argsEnd] !== '"') argsEnd++;
    for (const f of raw.slice(argsAt, argsEnd).matchAll(FLAG_IN_TEXT)) {
      if (f[2]?.toLowerCase() === 'false') continue;
      const from = argsAt + f.index;
      out.push({ text: f[1]!, range: w.rangeOf(from, from + f[1]!.length) });
    }
    i = argsEnd - 1;
  }
  return out;
}

/** The `--sdk-auth`/`--json-auth` words of an `az ad sp create-for-rbac` command (not those set to `false`). */
export function sdkAuthFlags(argv: readonly CiWord[]): FoundFlag[] {
  const out: FoundFlag[] = [];
  for (const w of argv) if (w.raw.includes('$(') || w.raw.includes('`')) out.push(...flagsInQuotedSubstitutions(w));
  for (let i = 0; i + 3 < argv.length; i++) {
    if (!isAz(argv[i]!)) continue;
    const [ad, sp, cmd] = [argv[i + 1]!, argv[i + 2]!, argv[i + 3]!].map((w) => w.text.toLowerCase());
    if (ad !== 'ad' || sp !== 'sp' || cmd !== 'create-for-rbac') continue;
    for (let j = i + 4; j < argv.length; j++) {
      const w = argv[j]!;
      const [name, val] = w.text.toLowerCase().split('=', 2) as [string, string | undefined];
      if (!FLAGS.has(name)) continue;
      const next = val ?? argv[j + 1]?.text.toLowerCase();
      if (next === 'false') continue;
      out.push(w);
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'CI001',
    name: 'sdk-auth-deprecated',
    shortDescription: '`az ad sp create-for-rbac --sdk-auth` (or `--json-auth`) in a CI script mints a long-lived client secret as JSON.',
    fullDescription:
      'The `--sdk-auth` flag (and its alias `--json-auth`) of `az ad sp create-for-rbac` prints a service principal ' +
      'with a freshly created client secret as one JSON blob, the format of the `AZURE_CREDENTIALS` secret of the old ' +
      'azure/login `creds:` input. The secret is long-lived, is pasted into repository or pipeline secrets, and anyone ' +
      'who reads it can act as the principal until it expires or is rotated. The flag is deprecated; OIDC workload ' +
      'identity federation needs no secret at all.',
    help:
      'Replace the secret with OIDC: create a federated credential for the app registration or a user-assigned managed ' +
      'identity and sign in with azure/login `client-id`, `tenant-id`, `subscription-id` (Azure Pipelines: a workload identity federation service connection).',
    level: 'error',
    tags: ['security', 'ci', 'credentials'],
    securitySeverity: 7.5,
    messages: {
      sdkAuth:
        '`az ad sp create-for-rbac {{flag}}` mints a long-lived client secret as JSON; use OIDC federated credentials with azure/login (client-id, tenant-id, subscription-id) instead.',
      commentedOut:
        'A commented-out `az ad sp create-for-rbac {{flag}}` would mint a long-lived client secret as JSON; delete it and use OIDC federated credentials with azure/login (client-id, tenant-id, subscription-id).',
    },
  },
  create(ctx) {
    return {
      ciFile(file) {
        const scripts = file.commentedOut ? [...file.scripts, file.commentedOut] : file.scripts;
        for (const script of scripts) {
          for (const cmd of script.commands) {
            for (const flag of sdkAuthFlags(cmd.argv)) {
              ctx.report({
                messageId: cmd.commented ? 'commentedOut' : 'sdkAuth',
                data: { flag: flag.text.split('=')[0]! },
                location: { file: file.file, range: flag.range },
                ...(cmd.commented ? { level: 'note' as const } : {}),
                subject: script.subject,
                attributePath: script.attributePath || 'script',
              });
            }
          }
        }
      },
    };
  },
});
