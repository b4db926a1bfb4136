/**
 * CI001 sdk-auth-deprecated: `az ad sp create-for-rbac --sdk-auth|--json-auth` in a CI
 * script (workflow `run:`, Azure Pipelines script or inline script, `.sh`/`.ps1` file).
 */
import type { Rule } from '../../src/engine/types.js';
import { isCiDocument, simpleCommands } from '../../src/parse/yaml/ci.js';
import type { ScriptToken } from '../../src/parse/yaml/ci.js';

const FLAGS = new Set(['--sdk-auth', '--json-auth']);

function isAz(t: ScriptToken): boolean {
  const w = t.text.toLowerCase();
  return w === 'az' || w === 'az.cmd' || w.endsWith('/az') || w.endsWith('\\az.cmd');
}

/** The `--sdk-auth`/`--json-auth` tokens of an `az ad sp create-for-rbac` simple command. */
export function sdkAuthFlags(words: ScriptToken[]): ScriptToken[] {
  const out: ScriptToken[] = [];
  for (let i = 0; i + 3 < words.length; i++) {
    if (!isAz(words[i]!)) continue;
    const [ad, sp, cmd] = [words[i + 1]!, words[i + 2]!, words[i + 3]!].map((t) => t.text.toLowerCase());
    if (ad !== 'ad' || sp !== 'sp' || cmd !== 'create-for-rbac') continue;
    for (let j = i + 4; j < words.length; j++) {
      const t = words[j]!;
      const [name, val] = t.text.toLowerCase().split('=', 2) as [string, string | undefined];
      if (!FLAGS.has(name)) continue;
      const next = val ?? words[j + 1]?.text.toLowerCase();
      if (next === 'false') continue;
      out.push(t);
    }
  }
  return out;
}

const rule: Rule = {
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
    formats: ['github-actions', 'azure-pipelines', 'script'],
    docPath: 'rules/ci/CI001-sdk-auth-deprecated.md',
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc)) return;
        for (const sn of doc.commentScript ? [...doc.scripts, doc.commentScript] : doc.scripts) {
          let n = 0;
          for (const cmd of sn.commands) {
            for (const words of simpleCommands(cmd)) {
              for (const flag of sdkAuthFlags(words)) {
                n++;
                const base = sn.attributePath || 'script';
                const flagName = flag.text.split('=')[0]!;
                ctx.report({
                  location: { file: doc.file, range: flag.range },
                  message: cmd.commented
                    ? `commented-out \`az ad sp create-for-rbac ${flagName}\` would mint a long-lived client secret as JSON; delete it and use OIDC federated credentials with azure/login (client-id, tenant-id, subscription-id)`
                    : `\`az ad sp create-for-rbac ${flagName}\` mints a long-lived client secret as JSON; use OIDC federated credentials with azure/login (client-id, tenant-id, subscription-id)`,
                  ...(cmd.commented ? { level: 'note' as const } : {}),
                  subject: sn.subject,
                  attributePath: n === 1 ? base : `${base}#${n}`,
                });
              }
            }
          }
        }
      },
    };
  },
};

export default rule;
