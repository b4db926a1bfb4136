/**
 * CI001 sdk-auth-deprecated: `az ad sp create-for-rbac --sdk-auth|--json-auth` in a CI
 * script (workflow `run:`, Azure Pipelines script or inline script, `.sh`/`.ps1` file), and
 * in commented-out lines anywhere in a CI file (at `note`).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { callerArgvs, expandedArgv, runningWordAt, scriptsThatMayRun, wordPlaces } from '../../src/model/ci.js';
import type { CiScriptLanguage, CiWord, ReadWord } from '../../src/model/ci.js';
import { locationKey, type Location } from '../../src/core/source.js';

const FLAGS = new Set(['--sdk-auth', '--json-auth']);

function isAz(text: string): boolean {
  const t = text.toLowerCase();
  return t === 'az' || t === 'az.cmd' || t.endsWith('/az') || t.endsWith('\\az.cmd');
}

/**
 * Where the `az ad sp create-for-rbac` a command runs starts: `az` as its program, or handed to
 * one that runs it (`sudo`, `xargs`, a wrapper), not printed or looked up (`echo … az ad sp …`).
 */
function createForRbacAt(argv: readonly CiWord[], language: CiScriptLanguage): number | undefined {
  const at = runningWordAt(argv, language, isAz)?.at;
  if (at === undefined) return undefined;
  const j = commandWordsAt(argv, at);
  return argv[j]?.text.toLowerCase() === 'ad' && argv[j + 1]?.text.toLowerCase() === 'sp' && argv[j + 2]?.text.toLowerCase() === 'create-for-rbac' ? at : undefined;
}

/** Where the command words after `az` at `i` start: past PowerShell's stop-parsing token (`az --% ad sp …`). */
function commandWordsAt(argv: readonly CiWord[], i: number): number {
  return argv[i + 1]?.raw === '--%' ? i + 2 : i + 1;
}

/**
 * The `--sdk-auth`/`--json-auth` words of an `az ad sp create-for-rbac` command, not those set to
 * `false` (a three-state flag: `--sdk-auth false`, `--sdk-auth=false`). One whose value expands
 * something (`--sdk-auth $MODE`) is decided where the command's words are expanded: in `pending`,
 * with the value word, when that value is not known there either.
 */
export function sdkAuthFlags(argv: readonly CiWord[], language: CiScriptLanguage, pending?: { flag: CiWord; value: ReadWord }[]): CiWord[] {
  const out: CiWord[] = [];
  const i = createForRbacAt(argv, language);
  if (i !== undefined) {
    for (let j = commandWordsAt(argv, i) + 3; j < argv.length; j++) {
      const w = argv[j]!;
      // Option names are case-sensitive to the CLI's parser (argparse): `--SDK-AUTH` is refused, no flag.
      const [name, val] = w.text.split('=', 2) as [string, string | undefined];
      if (!FLAGS.has(name)) continue;
      const next = argv[j + 1];
      const valueWord: ReadWord | undefined = val !== undefined ? w : next !== undefined && !next.text.startsWith('-') ? next : undefined;
      if (valueWord && (valueWord.unknown !== undefined || (valueWord.raw.includes('$') && valueWord.text.includes('$') && !valueWord.raw.startsWith("'")))) {
        pending?.push({ flag: w, value: valueWord });
        continue;
      }
      if ((val ?? valueWord?.text)?.toLowerCase() === 'false') continue;
      out.push(w);
    }
  }
  return out;
}

/**
 * A word of `az ad sp create-for-rbac` whose value is not known and may be the flag: unquoted (any
 * number of words), or one word where an option name stands (not the value of the option before it).
 */
function mayBeTheFlag(argv: readonly ReadWord[], k: number): boolean {
  const w = argv[k]!;
  // `--scopes=/subscriptions/$SUB`: an option's value, read as one.
  if (w.unknown === undefined || w.raw.startsWith('-')) return false;
  if (w.mayBeSeveral) return true;
  const before = argv[k - 1];
  return before !== undefined && !(before.text.startsWith('-') && !before.text.includes('=') && !FLAGS.has(before.text));
}

/** The sign-in that replaces the secret, in the words of the file's CI system. */
const OIDC_FIX: Readonly<Record<string, string>> = {
  'github-actions': 'OIDC federated credentials with azure/login (client-id, tenant-id, subscription-id)',
  'azure-pipelines': 'OIDC: an Azure Resource Manager service connection with workload identity federation',
  script: 'OIDC federated credentials (azure/login with client-id in GitHub Actions, a workload identity federation service connection in Azure Pipelines)',
};

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
      sdkAuth: '`az ad sp create-for-rbac {{flag}}` mints a long-lived client secret as JSON; use {{fix}} instead.',
      commentedOut: 'A commented-out `az ad sp create-for-rbac {{flag}}` would mint a long-lived client secret as JSON; delete it and use {{fix}}.',
    },
  },
  create(ctx) {
    return {
      ciFile(file) {
        const scripts = file.commentedOut ? [...scriptsThatMayRun(file), file.commentedOut] : scriptsThatMayRun(file);
        for (const script of scripts) {
          /** RULES.md: an unknown value that hides a possible finding is recorded (--verbose). */
          const undecidedWords = (argv: readonly ReadWord[]): void => {
            const start = argv.findIndex((w) => w.text === 'create-for-rbac');
            for (let k = start + 1; start >= 0 && k < argv.length; k++) {
              if (!mayBeTheFlag(argv, k)) continue;
              const w = argv[k]!;
              ctx.undecidedAbout(script.subject, '--sdk-auth', `${w.raw} of az ad sp create-for-rbac is not known (${w.unknown}) and may be --sdk-auth`, { file: file.file, range: w.range });
            }
          };
          /** `--sdk-auth "$MODE"` with MODE unknown: whether it is false is not known (RULES.md Conventions). */
          const undecidedValues = (pending: readonly { flag: CiWord; value: ReadWord }[]): void => {
            for (const p of pending) ctx.undecidedAbout(script.subject, p.flag.text.split('=')[0]!, `the value ${p.value.raw} of ${p.flag.text.split('=')[0]} is not known (${p.value.unknown ?? 'not expanded'}), so whether it is false is not known`, { file: file.file, range: p.value.range });
          };
          for (const cmd of script.commands) {
            // The command: two commands reading one `$AUTH` are two findings at its value, and a
            // directive over the command covers its finding there (ReportDescriptor.consumer).
            const reader: Location = { file: file.file, range: cmd.range };
            // The flag a variable holds (`AUTH=--sdk-auth`, `$AUTH`): where it is written, the command's word related.
            const expanded = cmd.commented ? undefined : expandedArgv(cmd);
            // The flag a scanned caller passes (its step's env, its arguments: `./sp.sh --sdk-auth`), where it writes it.
            const reported = new Set<string>();
            // The flags written with a known value (`--sdk-auth`, `--sdk-auth true`): reported below as written.
            const literal = new Set<CiWord>(sdkAuthFlags(cmd.argv, script.language));
            for (const byCaller of cmd.commented ? [] : callerArgvs(cmd)) {
              if (createForRbacAt(byCaller, script.language) === undefined) continue;
              const pending: { flag: CiWord; value: ReadWord }[] = [];
              const flags = sdkAuthFlags(byCaller, script.language, pending) as ReadWord[];
              // A caller's run that neither writes nor passes the flag: its unknown words may be it
              // (a template's `${{ parameters.extra }}`, a composite action's input) (review 51).
              if (flags.length === 0 && literal.size === 0) undecidedWords(byCaller);
              undecidedValues(pending);
              for (const flag of flags) {
                if (literal.has(flag)) continue;
                // A flag the caller passes is where the caller writes it; a written flag whose value
                // the caller gives (`--sdk-auth ${{ inputs.mode }}`, `mode: 'true'`) is where it is written.
                const at = wordPlaces(flag, { file: file.file, range: flag.range, label: 'az ad sp create-for-rbac' });
                if (reported.has(locationKey(at.location))) continue;
                reported.add(locationKey(at.location));
                ctx.report({
                  messageId: 'sdkAuth',
                  data: { flag: flag.text.split('=')[0]!, fix: OIDC_FIX[file.format] ?? OIDC_FIX.script! },
                  location: at.location,
                  ...(at.related.length ? { related: at.related } : {}),
                  subject: script.subject,
                  declaredAt: reader,
                  consumer: reader,
                  attributePath: script.attributePath || 'script',
                });
              }
            }
            if (expanded && createForRbacAt(expanded, script.language) !== undefined) {
              const pending: { flag: CiWord; value: ReadWord }[] = [];
              const flags = sdkAuthFlags(expanded, script.language, pending) as ReadWord[];
              undecidedValues(pending);
              for (const flag of flags) {
                const at = wordPlaces(flag, { file: file.file, range: flag.range, label: 'az ad sp create-for-rbac' });
                if (literal.has(flag) || ((flag.origin || flag.decidedBy) && reported.has(locationKey(at.location)))) continue;
                ctx.report({
                  messageId: 'sdkAuth',
                  data: { flag: flag.text.split('=')[0]!, fix: OIDC_FIX[file.format] ?? OIDC_FIX.script! },
                  location: at.location,
                  ...(at.related.length ? { related: at.related } : {}),
                  subject: script.subject,
                  declaredAt: reader,
                  consumer: reader,
                  attributePath: script.attributePath || 'script',
                });
              }
              // RULES.md: an unknown value that hides a possible finding is recorded (--verbose); not
              // when the command is reported anyway: the flag is written or known (`-n $SP --sdk-auth`),
              // or a caller's run reported the flag the value holds there.
              if (reported.size === 0 && flags.length === 0) undecidedWords(expanded);
            }
            for (const flag of literal) {
              ctx.report({
                messageId: cmd.commented ? 'commentedOut' : 'sdkAuth',
                data: { flag: flag.text.split('=')[0]!, fix: OIDC_FIX[file.format] ?? OIDC_FIX.script! },
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
