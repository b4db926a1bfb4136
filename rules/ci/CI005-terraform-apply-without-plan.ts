/**
 * CI005 terraform-apply-without-plan: `terraform apply` with `-auto-approve` and no saved
 * plan file in a CI script.
 */
import type { Rule } from '../../src/engine/types.js';
import { isCiDocument, simpleCommands } from '../../src/parse/yaml/ci.js';
import type { ScriptToken } from '../../src/parse/yaml/ci.js';

/** `terraform apply` options that take their value as the next word when written without `=`. */
const VALUE_OPTS = new Set([
  'var', 'var-file', 'target', 'replace', 'lock-timeout', 'parallelism', 'state', 'state-out', 'backup', 'chdir',
]);

function isTerraform(t: ScriptToken): boolean {
  const w = t.text.toLowerCase().replace(/\\/g, '/');
  const base = w.slice(w.lastIndexOf('/') + 1);
  return base === 'terraform' || base === 'terraform.exe';
}

function isRedirect(w: string): boolean {
  return /^\d*(>>?|<)(&\d*)?$/.test(w) || /^&>>?$/.test(w);
}

/** The `apply` token of a `terraform apply -auto-approve` without a plan file, if any. */
export function applyWithoutPlan(words: ScriptToken[]): ScriptToken | undefined {
  for (let i = 0; i < words.length; i++) {
    if (!isTerraform(words[i]!)) continue;
    // global options (-chdir=dir, -help, -version) come before the subcommand
    let j = i + 1;
    while (j < words.length && words[j]!.text.startsWith('-')) j++;
    const sub = words[j];
    if (!sub || sub.text !== 'apply') continue;
    let autoApprove = false;
    let planFile = false;
    for (let k = j + 1; k < words.length; k++) {
      const w = words[k]!.text;
      if (isRedirect(w)) {
        k++;
        continue;
      }
      if (/^\d*[<>]/.test(w)) continue;
      if (w.startsWith('-')) {
        const name = w.replace(/^--?/, '');
        const [opt, val] = name.split('=', 2) as [string, string | undefined];
        if (opt === 'auto-approve') {
          if (val === undefined || val.toLowerCase() === 'true') autoApprove = true;
          continue;
        }
        if (val === undefined && VALUE_OPTS.has(opt)) k++;
        continue;
      }
      planFile = true;
    }
    if (autoApprove && !planFile) return sub;
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'CI005',
    name: 'terraform-apply-without-plan',
    shortDescription: 'A CI step runs `terraform apply -auto-approve` without a saved plan file.',
    fullDescription:
      '`terraform apply -auto-approve` with no plan file computes a fresh plan at apply time and executes it without ' +
      'anyone seeing it. What changes is whatever the configuration, variables, provider versions and the live state ' +
      'produce at that moment, not what was reviewed in the pull request: drift, a concurrent change or a new provider ' +
      'release can destroy or replace resources (an AML workspace, a key vault, a storage account holding data) silently.',
    help: 'Run `terraform plan -out=tfplan`, review or approve that plan (an environment with required reviewers), then run `terraform apply tfplan`.',
    level: 'warning',
    tags: ['security', 'ci', 'change-control'],
    securitySeverity: 5.0,
    formats: ['github-actions', 'azure-pipelines', 'script'],
    docPath: 'rules/ci/CI005-terraform-apply-without-plan.md',
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc)) return;
        for (const sn of doc.scripts) {
          let n = 0;
          for (const cmd of sn.commands) {
            if (cmd.commented) continue;
            for (const words of simpleCommands(cmd)) {
              const apply = applyWithoutPlan(words);
              if (!apply) continue;
              n++;
              const base = sn.attributePath || 'script';
              ctx.report({
                location: { file: doc.file, range: apply.range },
                message:
                  '`terraform apply -auto-approve` without a saved plan applies whatever is planned at run time, not what was reviewed; run `terraform plan -out=tfplan`, review it, then `terraform apply tfplan`',
                subject: sn.subject,
                attributePath: n === 1 ? base : `${base}#${n}`,
              });
            }
          }
        }
      },
    };
  },
};

export default rule;
