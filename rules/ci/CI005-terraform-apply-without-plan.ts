/**
 * CI005 terraform-apply-without-plan: `terraform apply` with `-auto-approve` and no saved
 * plan file in a CI script.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { CiWord } from '../../src/model/ci.js';

/** `terraform apply` options that take their value as the next word when written without `=`. */
const VALUE_OPTS = new Set([
  'var', 'var-file', 'target', 'replace', 'lock-timeout', 'parallelism', 'state', 'state-out', 'backup', 'chdir',
]);

function isTerraform(w: CiWord): boolean {
  const t = w.text.toLowerCase().replace(/\\/g, '/');
  const base = t.slice(t.lastIndexOf('/') + 1);
  return base === 'terraform' || base === 'terraform.exe';
}

function isRedirect(w: string): boolean {
  return /^\d*(>>?|<)(&\d*)?$/.test(w) || /^&>>?$/.test(w);
}

/** The `apply` word and the `-auto-approve` word of a `terraform apply -auto-approve` without a plan file, if any. */
export function applyWithoutPlan(argv: readonly CiWord[]): { apply: CiWord; autoApprove: CiWord } | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (!isTerraform(argv[i]!)) continue;
    // global options (-chdir=dir, -help, -version) come before the subcommand
    let j = i + 1;
    while (j < argv.length && argv[j]!.text.startsWith('-')) j++;
    const sub = argv[j];
    if (!sub || sub.text !== 'apply') continue;
    let autoApprove: CiWord | undefined;
    let planFile = false;
    for (let k = j + 1; k < argv.length; k++) {
      const w = argv[k]!.text;
      if (isRedirect(w)) {
        k++;
        continue;
      }
      if (/^\d*[<>]/.test(w)) continue;
      if (w.startsWith('-')) {
        const name = w.replace(/^--?/, '');
        const [opt, val] = name.split('=', 2) as [string, string | undefined];
        if (opt === 'auto-approve') {
          if (val === undefined || val.toLowerCase() === 'true') autoApprove = argv[k]!;
          continue;
        }
        if (val === undefined && VALUE_OPTS.has(opt)) k++;
        continue;
      }
      planFile = true;
    }
    if (autoApprove && !planFile) return { apply: sub, autoApprove };
  }
  return undefined;
}

export default defineRule({
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
    messages: {
      applyWithoutPlan:
        '`terraform apply {{flag}}` without a saved plan applies whatever is planned at run time, not what was reviewed; run `terraform plan -out=tfplan`, review it, then `terraform apply tfplan`.',
    },
  },
  create(ctx) {
    return {
      ciFile(file) {
        for (const script of file.scripts) {
          for (const cmd of script.commands) {
            if (cmd.commented) continue;
            const found = applyWithoutPlan(cmd.argv);
            if (!found) continue;
            ctx.report({
              messageId: 'applyWithoutPlan',
              data: { flag: found.autoApprove.text },
              location: { file: file.file, range: found.apply.range },
              subject: script.subject,
              attributePath: script.attributePath || 'script',
            });
          }
        }
      },
    };
  },
});
