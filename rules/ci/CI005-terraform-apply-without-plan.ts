/**
 * CI005 terraform-apply-without-plan: `terraform apply` with `-auto-approve` and no saved
 * plan file in a CI script; the Azure Pipelines Terraform task (`TerraformTaskV1`…`V4`) with
 * `command: apply` and no plan file in `commandOptions` (the task adds `-auto-approve` itself:
 * microsoft/azure-pipelines-terraform, `onlyApply()` of the command handlers).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { joinExpressions, programIndex } from '../../src/model/ci.js';
import type { CiCommand, CiEntry, CiScriptLanguage, CiWord } from '../../src/model/ci.js';

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

/** What the arguments of `terraform apply` say: the `-auto-approve` argument (index) and whether a plan file is given. */
export function readApplyArgs(args: readonly string[]): { autoApprove?: number; planFile: boolean } {
  let autoApprove: number | undefined;
  let planFile = false;
  for (let k = 0; k < args.length; k++) {
    const w = args[k]!;
    if (isRedirect(w)) {
      // `>`, `2>>`, `&>` take the next word as their file; `2>&1`, `>&2` are complete.
      if (!/&\d+$/.test(w)) k++;
      continue;
    }
    if (/^\d*[<>]/.test(w)) continue;
    if (w.startsWith('-')) {
      const name = w.replace(/^--?/, '');
      const [opt, val] = name.split('=', 2) as [string, string | undefined];
      if (opt === 'auto-approve') {
        autoApprove = val === undefined || val.toLowerCase() === 'true' ? k : undefined;
        continue;
      }
      if (val === undefined && VALUE_OPTS.has(opt)) k++;
      continue;
    }
    planFile = true;
  }
  return autoApprove === undefined ? { planFile } : { autoApprove, planFile };
}

/**
 * The `apply` word and the `-auto-approve` word of a `terraform apply -auto-approve` without a
 * plan file, if the command runs terraform: its program (after `sudo`, `env X=1`, `if`, a
 * PowerShell `&` …), not a word of another program's arguments (`echo terraform apply …`).
 */
export function applyWithoutPlan(words: readonly CiWord[], language: CiScriptLanguage): { apply: CiWord; autoApprove: CiWord } | undefined {
  // `-var-file=${{ inputs.env }}.tfvars` is one word once the CI system substitutes it, not a plan file `inputs.env`.
  const argv = joinExpressions(words);
  const i = programIndex(argv, language);
  if (i === undefined || !isTerraform(argv[i]!)) return undefined;
  // global options (-chdir=dir, -help, -version) come before the subcommand
  let j = i + 1;
  while (j < argv.length && argv[j]!.text.startsWith('-')) j++;
  const sub = argv[j];
  if (!sub || sub.text !== 'apply') return undefined;
  const rest = argv.slice(j + 1);
  const { autoApprove, planFile } = readApplyArgs(rest.map((w) => w.text));
  return autoApprove !== undefined && !planFile ? { apply: sub, autoApprove: rest[autoApprove]! } : undefined;
}

/**
 * A command substitution opened on the apply line after its words (`terraform apply
 * -auto-approve $(cat plan.txt)`): the lexer makes it the next command, but its output is an
 * argument of apply, possibly the plan file; unknown, so not reported.
 */
function substitutedArgument(cmd: CiCommand, next: CiCommand | undefined): boolean {
  return next !== undefined && next.statement === cmd.statement && (next.after === '$(' || next.after === '`') && next.range.start.offset > cmd.range.start.offset;
}

/**
 * The Azure Pipelines Terraform task of the Microsoft DevLabs extension: `TerraformTaskV1`…`V4`,
 * also written with the extension's full name (`ms-devlabs.custom-terraform-tasks.custom-terraform-release-task.TerraformTaskV4`).
 */
export function isTerraformTask(name: string): boolean {
  return /^terraformtaskv[1-4]$/i.test(name.slice(name.lastIndexOf('.') + 1));
}

/**
 * `commandOptions` split into arguments the way the task's tool runner splits an argument
 * line: at unquoted whitespace, double (and single) quotes grouping, a backslash escaping a quote.
 */
export function splitArgumentLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && line[i + 1] === quote) {
        cur += quote;
        i++;
      } else if (c === quote) quote = '';
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    cur += c;
    inWord = true;
  }
  if (inWord) out.push(cur);
  return out;
}

export default defineRule({
  meta: {
    id: 'CI005',
    name: 'terraform-apply-without-plan',
    shortDescription:
      'A CI step runs `terraform apply -auto-approve` without a saved plan file (also the Azure Pipelines Terraform task with `command: apply`, which adds `-auto-approve` itself).',
    fullDescription:
      '`terraform apply -auto-approve` with no plan file computes a fresh plan at apply time and executes it without ' +
      'anyone seeing it. What changes is whatever the configuration, variables, provider versions and the live state ' +
      'produce at that moment, not what was reviewed in the pull request: drift, a concurrent change or a new provider ' +
      'release can destroy or replace resources (an AML workspace, a key vault, a storage account holding data) silently. ' +
      'The Azure Pipelines Terraform task (`TerraformTaskV1`…`V4`) with `command: apply` adds `-auto-approve` itself, so it ' +
      'does the same unless `commandOptions` names a plan file.',
    help: 'Run `terraform plan -out=tfplan`, review or approve that plan (an environment with required reviewers), then run `terraform apply tfplan`.',
    level: 'warning',
    tags: ['security', 'ci', 'change-control'],
    securitySeverity: 5.0,
    messages: {
      applyWithoutPlan:
        '`terraform apply {{flag}}` without a saved plan applies whatever is planned at run time, not what was reviewed; run `terraform plan -out=tfplan`, review it, then `terraform apply tfplan`.',
      taskApplyWithoutPlan:
        '`{{task}}` with `command: apply` and no plan file in `commandOptions` runs `terraform apply -auto-approve` (the task adds it) and applies whatever is planned at run time, not what was reviewed; run the task with `command: plan` and `-out=tfplan`, review it, then apply with the plan file in `commandOptions`.',
    },
  },
  create(ctx) {
    return {
      ciFile(file) {
        for (const script of file.scripts) {
          for (let i = 0; i < script.commands.length; i++) {
            const cmd = script.commands[i]!;
            if (cmd.commented) continue;
            const found = applyWithoutPlan(cmd.argv, script.language);
            if (!found || substitutedArgument(cmd, script.commands[i + 1])) continue;
            ctx.report({
              messageId: 'applyWithoutPlan',
              data: { flag: found.autoApprove.text },
              location: { file: file.file, range: found.apply.range },
              subject: script.subject,
              attributePath: script.attributePath || 'script',
            });
          }
        }
        for (const step of file.steps) {
          const task = step.task;
          if (!task || !isTerraformTask(task.name)) continue;
          const input = (key: string): CiEntry | undefined => step.inputs.find((e) => e.key.toLowerCase() === key.toLowerCase());
          const command = input('command');
          // an expression (`${{ parameters.command }}`, `$(cmd)`) is unknown: not reported
          if (command?.value?.trim().toLowerCase() !== 'apply' || !command.valueRange) continue;
          const options = input('commandOptions');
          if (options && options.value === undefined) continue;
          const line = options?.value ?? '';
          if (line.includes('${{')) continue;
          const { autoApprove, planFile } = readApplyArgs(splitArgumentLine(line));
          // the task adds `-auto-approve` unless the options already say `-auto-approve…` (then they decide)
          const approves = !/-auto-approve/.test(line) || autoApprove !== undefined;
          if (planFile || !approves) continue;
          const related = [{ file: file.file, range: task.range, label: `task: ${task.text}` }];
          if (options?.valueRange) related.push({ file: file.file, range: options.valueRange, label: 'commandOptions' });
          ctx.report({
            messageId: 'taskApplyWithoutPlan',
            data: { task: task.text.trim() },
            location: { file: file.file, range: command.valueRange },
            related,
            subject: step.subject,
            attributePath: 'inputs.command',
          });
        }
      },
    };
  },
});
