/**
 * CI005 terraform-apply-without-plan: `terraform apply` with `-auto-approve` and no saved
 * plan file in a CI script; the Azure Pipelines Terraform task (`TerraformTaskV1`…`V4`) with
 * `command: apply` and no plan file in `commandOptions` (the task adds `-auto-approve` itself:
 * microsoft/azure-pipelines-terraform, `onlyApply()` of the command handlers).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { locationKey } from '../../src/core/source.js';
import { callerArgvs, expandedArgv, isTerraformProgram, joinExpressions, redirection, runningWordAt, scriptsThatMayRun, stepsThatMayRun, terraformProgramName, wordPlaces } from '../../src/model/ci.js';
import type { Location } from '../../src/core/source.js';
import type { CiCallerInput, CiCommand, CiEntry, CiScriptLanguage, CiWord, ReadWord } from '../../src/model/ci.js';

/** `terraform apply` options that take their value as the next word when written without `=`. */
const VALUE_OPTS = new Set([
  'var', 'var-file', 'target', 'replace', 'lock-timeout', 'parallelism', 'state', 'state-out', 'backup', 'chdir',
]);

/** A word the shell or the CI system expands (`$PLAN`, `"${PLAN}"`, `$(planPath)`, `${{ inputs.plan }}`): its value is not known here. */
function expands(w: string): boolean {
  // A variable, `$(…)`, or a backquoted substitution (`` `cat opts` ``).
  return w.includes('$') || w.includes('`');
}

/**
 * What the arguments of `terraform apply` say: the `-auto-approve` argument (index), whether a
 * plan file is written as a literal, and the first positional argument whose value is expanded
 * at run time (`open`: it may be the plan file).
 */
export function readApplyArgs(args: readonly string[]): { autoApprove?: number; planFile: boolean; open?: number; approveNotKnown?: number } {
  let autoApprove: number | undefined;
  // `-auto-approve=$X`: whether it approves is decided at run time.
  let approveNotKnown: number | undefined;
  let planFile = false;
  let open: number | undefined;
  for (let k = 0; k < args.length; k++) {
    const w = args[k]!;
    // `>`, `2>>`, `&>` take the next word as their file; `2>&1`, `>log`, `&>log` are complete.
    const r = redirection(w);
    if (r) {
      if (r.takesNext) k++;
      continue;
    }
    if (w.startsWith('-')) {
      const name = w.replace(/^--?/, '');
      const [opt, val] = name.split('=', 2) as [string, string | undefined];
      if (opt === 'auto-approve') {
        // Terraform reads a boolean flag's value as Go's strconv.ParseBool does: 1, t, T, true, TRUE, True.
        autoApprove = val === undefined || /^(?:1|t|true)$/i.test(val) ? k : undefined;
        approveNotKnown = val !== undefined && expands(val) ? k : undefined;
        continue;
      }
      if (val === undefined && VALUE_OPTS.has(opt)) k++;
      continue;
    }
    if (expands(w)) open ??= k;
    else planFile = true;
  }
  return { planFile, ...(autoApprove === undefined ? {} : { autoApprove }), ...(open === undefined ? {} : { open }), ...(approveNotKnown === undefined ? {} : { approveNotKnown }) };
}

/** What a `terraform apply` command decides: a finding, or why it cannot be decided (an argument expanded at run time). */
type ApplyReading = { apply: CiWord; autoApprove: CiWord; program: string } | { apply: CiWord; undecided: string; at: CiWord };

/**
 * The `apply` word and the `-auto-approve` word of a `terraform apply -auto-approve` without a
 * plan file, if the command runs terraform: as its program (after `sudo`, `env X=1`, `if`, a
 * PowerShell `&` …), or handed to a program that runs it (`xargs`, `doppler run --`), not as
 * a word a program prints or looks up (`echo terraform apply …`, `: terraform apply …`: runningWordAt).
 * An argument expanded at run time beside `-auto-approve`, which may be the plan file, leaves it
 * undecided (RULES.md: an unknown value that hides a possible finding is recorded).
 */
export function applyWithoutPlan(words: readonly CiWord[], language: CiScriptLanguage): ApplyReading | undefined {
  // `-var-file=${{ inputs.env }}.tfvars` is one word once the CI system substitutes it, not a plan file `inputs.env`.
  const argv = joinExpressions(words);
  // terraform as the program, or handed to a program that runs it (`xargs -I{} terraform …`,
  // `doppler run -- terraform …`, a wrapper script), not to one that only prints or looks words up.
  const running = runningWordAt(argv, language, isTerraformProgram);
  if (!running) return undefined;
  const i = running.at;
  const handler = running.handler;
  // `find envs -type d -exec terraform -chdir={} apply -auto-approve \;`: the command ends at its `;` (or `+`).
  const byFind = handler !== undefined && /(?:^|\/)find$/.test(argv[handler]!.text) && /^-(?:exec|execdir|ok|okdir)$/.test(argv[i - 1]?.text ?? '');
  // global options (-chdir=dir, -help, -version) come before the subcommand
  let j = i + 1;
  while (j < argv.length && argv[j]!.text.startsWith('-')) j++;
  const sub = argv[j];
  if (!sub) return undefined;
  // A PowerShell block's `}` ends the command (`try { terraform apply -auto-approve } catch { … }`).
  const after = argv.slice(j + 1);
  const close = language === 'powershell' ? after.findIndex((w) => w.raw === '}') : byFind ? after.findIndex((w) => w.text === ';' || w.text === '+') : -1;
  const rest = close >= 0 ? after.slice(0, close) : after;
  const { autoApprove, planFile, open, approveNotKnown } = readApplyArgs(rest.map((w) => w.text));
  if (sub.text !== 'apply') {
    // A subcommand expanded at run time (`terraform $CMD -auto-approve`) may be apply: with
    // `-auto-approve` and no plan file after it, that is undecided, not passed over.
    const unknownSub = (sub as ReadWord).unknown;
    if (unknownSub === undefined || autoApprove === undefined || planFile || open !== undefined) return undefined;
    return { apply: sub, undecided: `the terraform subcommand ${sub.raw} is not known (${unknownSub}) and may be apply`, at: sub };
  }
  if (planFile) return undefined;
  if (autoApprove === undefined && approveNotKnown !== undefined) {
    const word = rest[approveNotKnown]!;
    return { apply: sub, undecided: `${word.text} is expanded at run time and may approve`, at: word };
  }
  if (autoApprove === undefined) {
    // A variable that is not known, unquoted, may be several words, `-auto-approve` among them
    // (`terraform apply $TF_ARGS`); a quoted one is one argument, by all appearances the plan file.
    // (`-state=${{ env.STATE_FILE }}` is an option's value, read as one.)
    const several = rest.find((w) => (w as ReadWord).mayBeSeveral && !w.raw.startsWith('-'));
    return several ? { apply: sub, undecided: `the unquoted ${several.raw} of terraform apply may be several words, -auto-approve among them (${(several as ReadWord).unknown})`, at: several } : undefined;
  }
  // `-auto-approve "$PLAN"`: whether a plan file is given is decided at run time. (An expanded
  // argument beside no written -auto-approve is, by all appearances, the plan file: not recorded.)
  if (open !== undefined) {
    const word = rest[open]!;
    return { apply: sub, undecided: `the argument ${word.text} of terraform apply -auto-approve is expanded at run time and may be the plan file`, at: word };
  }
  return { apply: sub, autoApprove: rest[autoApprove]!, program: terraformProgramName(argv[i]!.text) ?? 'terraform' };
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
 * The Azure Pipelines Terraform tasks whose `command: apply` adds `-auto-approve` itself: the
 * Microsoft DevLabs extension's `TerraformTaskV1`…`V4` (microsoft/azure-pipelines-terraform,
 * `onlyApply()`), and Charles Zipp's `TerraformCLI` (azure-pipelines-tasks-terraform,
 * tasks/terraform-cli/src/commands/tf-apply.ts: `.withAutoApprove()` before the command options);
 * also written with the extension's full name (`ms-devlabs.custom-terraform-tasks.custom-terraform-release-task.TerraformTaskV4`).
 */
export function isTerraformTask(name: string): boolean {
  return /^(?:terraformtaskv[1-4]|terraformcli)$/i.test(name.slice(name.lastIndexOf('.') + 1));
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

/**
 * A task input's line with each `${{ … }}` left in it (an expression not known) as one token
 * without spaces or quotes (`${{#0}}`): its text may hold both, which the argument split must
 * not see. It is judged where it stands, as a `$(macro)` is (a macro's value may hold spaces
 * too): inside `-var "pw=${{ parameters.pw }}"` it is no plan file, alone it may be one.
 * `shown` puts the expressions back into a word, for messages.
 */
export function templateTokens(line: string): { line: string; shown(word: string): string } {
  const expressions: string[] = [];
  const tokenised = line.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => `\${{#${expressions.push(m) - 1}}}`);
  return { line: tokenised, shown: (word) => word.replace(/\$\{\{#(\d+)\}\}/g, (m, i: string) => expressions[Number(i)] ?? m) };
}

/** A finding of a `terraform apply -auto-approve`: the flag as written, the program, where it points and what is related. */
interface ApplyPlace {
  flag: string;
  program: string;
  location: Location;
  related: Location[];
}

/**
 * The places of the findings a command's runs with its scanned callers' values make (one per
 * place, with the values each run put in related), and the first reading a caller's values left undecided.
 */
function callerPlaces(cmd: CiCommand, language: CiScriptLanguage, file: string): { places: Map<string, ApplyPlace>; undecided?: Extract<ApplyReading, { undecided: string }> } {
  const places = new Map<string, ApplyPlace>();
  let undecided: Extract<ApplyReading, { undecided: string }> | undefined;
  for (const argv of callerArgvs(cmd)) {
    const f = applyWithoutPlan(argv, language);
    if (!f) continue;
    if ('undecided' in f) {
      undecided ??= f;
      continue;
    }
    const flagWord = f.autoApprove as ReadWord;
    const at = wordPlaces(flagWord.origin || flagWord.decidedBy ? flagWord : (f.apply as ReadWord), { file, range: f.apply.range, label: 'terraform apply' });
    const key = locationKey(at.location);
    const place = places.get(key) ?? { flag: f.autoApprove.text, program: f.program, location: at.location, related: at.related };
    places.set(key, place);
    // The values this caller's run put in (`-var-file=prod.tfvars` for `${{ parameters.opts }}`), where they are written.
    for (const w of argv) {
      const wat = (w as ReadWord).origin;
      if (!wat || w === f.autoApprove || w === f.apply || locationKey(wat) === key) continue;
      if (!place.related.some((l) => locationKey(l) === locationKey(wat))) place.related.push({ ...wat, label: `argument ${w.text.slice(0, 60)}` });
    }
  }
  return { places, ...(undecided ? { undecided } : {}) };
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
      'The Azure Pipelines Terraform tasks (`TerraformTaskV1`…`V4`, `TerraformCLI`) with `command: apply` add `-auto-approve` themselves, so they ' +
      'do the same unless `commandOptions` names a plan file.',
    help: 'Run `terraform plan -out=tfplan`, review or approve that plan (an environment with required reviewers), then run `terraform apply tfplan`.',
    level: 'warning',
    tags: ['security', 'ci', 'change-control'],
    securitySeverity: 5.0,
    messages: {
      applyWithoutPlan:
        '`{{program}} apply {{flag}}` without a saved plan applies whatever is planned at run time, not what was reviewed; run `{{program}} plan -out=tfplan`, review it, then `{{program}} apply tfplan`.',
      taskApplyWithoutPlan:
        '`{{task}}` with `command: apply` and no plan file in `commandOptions` runs `terraform apply -auto-approve` ({{how}}) and applies whatever is planned at run time, not what was reviewed; run the task with `command: plan` and `-out=tfplan`, review it, then apply with the plan file in `commandOptions`.',
    },
  },
  create(ctx) {
    return {
      ciFile(file) {
        for (const script of scriptsThatMayRun(file)) {
          for (let i = 0; i < script.commands.length; i++) {
            const cmd = script.commands[i]!;
            if (cmd.commented) continue;
            // The command: two commands reading one `$AA` are two findings at its value, and a
            // directive over the command covers its finding there (ReportDescriptor.consumer).
            const reader: Location = { file: file.file, range: cmd.range };
            // The words as the script's run expands them, when it did (`AA=-auto-approve`, `PLAN=tfplan`): they decide more;
            // else as a scanned caller's run does (the step's env, its arguments): a flag it passes is reported at its value.
            const own = applyWithoutPlan(expandedArgv(cmd) ?? cmd.argv, script.language);
            const attribute = script.attributePath || 'script';
            const report = (p: ApplyPlace): void =>
              ctx.report({
                messageId: 'applyWithoutPlan',
                data: { flag: p.flag, program: p.program },
                location: p.location,
                ...(p.related.length ? { related: p.related } : {}),
                subject: script.subject,
                declaredAt: reader,
                consumer: reader,
                attributePath: attribute,
              });
            // As each scanned caller's run expands the words (a template's `${{ parameters.x }}`, a
            // script's `$1`, a matrix leg or loop copy past the first): a run that passes the flag or
            // the subcommand is a finding at its own value (two steps, two places); one whose values
            // only leave out the plan file (`-var-file=prod.tfvars` for the options) is one at the written `apply`.
            const byCallers = callerPlaces(cmd, script.language, file.file);
            if (!own || 'undecided' in own) {
              for (const p of byCallers.places.values()) report(p);
              if (byCallers.places.size > 0) continue;
              // The command's own words decide nothing (a template's expression): what a caller's left open.
              if (!own && byCallers.undecided) {
                const at = (byCallers.undecided.at as ReadWord).origin ?? { file: file.file, range: byCallers.undecided.at.range };
                ctx.undecidedAbout(script.subject, attribute, byCallers.undecided.undecided, at);
                continue;
              }
            }
            const found = own;
            if (!found) continue;
            if ('undecided' in found) {
              ctx.undecidedAbout(script.subject, attribute, found.undecided, { file: file.file, range: found.at.range });
              continue;
            }
            if (substitutedArgument(cmd, script.commands[i + 1])) {
              ctx.undecidedAbout(script.subject, attribute, 'a command substitution after terraform apply gives an argument that may be the plan file', { file: file.file, range: found.apply.range });
              continue;
            }
            // `-auto-approve` a variable holds is reported where it is written (or at the input that
            // decided a condition choosing it), the command related.
            const at = wordPlaces(found.autoApprove as ReadWord, { file: file.file, range: found.apply.range, label: 'terraform apply' });
            report({ flag: found.autoApprove.text, program: found.program, location: at.location, related: at.related });
            // A caller's run or another leg that puts the flag somewhere else is a finding there too.
            for (const [key, p] of byCallers.places) if (key !== locationKey(at.location)) report(p);
          }
        }
        for (const step of stepsThatMayRun(file)) {
          const task = step.task;
          if (!task || !isTerraformTask(task.name)) continue;
          // Each `${{ if }}` branch of the inputs is read over the entries written outside them
          // (Azure Pipelines inserts the branch it takes; which one is not decided here).
          const views = step.inputBranches?.length ? step.inputBranches.map((b) => [...b, ...step.inputs]) : [step.inputs];
          // A template's inputs written as expressions are read as each scanned caller makes them
          // (`commandOptions: ${{ parameters.opts }}`); a template nobody in the scan calls, as written.
          const callers: (ReadonlyMap<string, CiCallerInput> | undefined)[] = step.inputsByCallers?.length ? step.inputsByCallers : [undefined];
          // One finding per place; the values of every caller that makes it are related.
          const reported = new Map<string, { data: Record<string, string>; location: Location; related: Location[] }>();
          for (const byCaller of callers) {
            for (const written of views) {
              const input = (key: string): CiEntry | undefined => written.find((e) => e.key.toLowerCase() === key.toLowerCase());
              /** The entry's text as this caller makes it, where it is written, or why it is not known. */
              const read = (e: CiEntry): { text?: string; origin?: Location; unknown?: string } => {
                const c = byCaller?.get(e.key.toLowerCase());
                if (!c) return { ...(e.value === undefined ? {} : { text: e.value }) };
                return 'unknown' in c ? { unknown: c.unknown } : { text: c.text, ...(c.origin ? { origin: c.origin } : {}) };
              };
              const command = input('command');
              const where = (e: CiEntry): Location => ({ file: file.file, range: e.valueRange ?? e.keyRange });
              const commandRead = command ? read(command) : undefined;
              // an expression (`${{ parameters.command }}`, `$(cmd)`) is unknown: not reported, recorded
              const commandText = commandRead?.text?.trim();
              if (command && (commandText === undefined || expands(commandText))) {
                const why = commandRead?.unknown ? `command is not known (${commandRead.unknown}): it may be apply` : `command is ${commandText ?? 'not a plain value'}, decided at run time: it may be apply`;
                ctx.undecidedAbout(step.subject, 'inputs.command', why, where(command));
                continue;
              }
              if (commandText?.toLowerCase() !== 'apply' || !command?.valueRange) continue;
              const options = input('commandOptions');
              const optionsRead = options ? read(options) : undefined;
              const tokens = templateTokens(optionsRead?.text ?? '');
              const line = tokens.line;
              if (options && optionsRead?.text === undefined) {
                const why = optionsRead?.unknown ? `commandOptions is not known (${optionsRead.unknown}): it may name the plan file` : 'commandOptions is decided at run time: it may name the plan file';
                ctx.undecidedAbout(step.subject, 'inputs.commandOptions', why, where(options));
                continue;
              }
              const args = splitArgumentLine(line);
              const { autoApprove, planFile, open, approveNotKnown } = readApplyArgs(args);
              if (planFile) continue;
              if (open !== undefined && options) {
                ctx.undecidedAbout(step.subject, 'inputs.commandOptions', `the argument ${tokens.shown(args[open]!)} of commandOptions is not known before the task runs and may be the plan file`, where(options));
                continue;
              }
              if (approveNotKnown !== undefined && autoApprove === undefined && options) {
                ctx.undecidedAbout(step.subject, 'inputs.commandOptions', `${tokens.shown(args[approveNotKnown]!)} of commandOptions is not known before the task runs and may approve`, where(options));
                continue;
              }
              // the task adds `-auto-approve` unless the options already say `-auto-approve…` (then they decide)
              const approves = !/-auto-approve/.test(line) || autoApprove !== undefined;
              if (!approves) continue;
              // A command the caller passes is reported at the caller's value (two callers, two places).
              const location = commandRead?.origin ?? { file: file.file, range: command.valueRange };
              const at = locationKey(location);
              const known = reported.get(at);
              const passed = optionsRead?.origin ? { ...optionsRead.origin, label: `commandOptions ${line.slice(0, 60)}` } : undefined;
              if (known) {
                if (passed && !known.related.some((l) => locationKey(l) === locationKey(passed))) known.related.push(passed);
                continue;
              }
              const related = [{ file: file.file, range: task.range, label: `task: ${task.text}` }];
              if (commandRead?.origin) related.push({ file: file.file, range: command.valueRange, label: 'command' });
              if (options?.valueRange) related.push({ file: file.file, range: options.valueRange, label: 'commandOptions' });
              if (passed) related.push(passed);
              // The task's own name (`TerraformCLI@1`, not the extension's full prefix): the related `task:` location shows it whole.
              reported.set(at, { data: { task: task.text.trim().replace(/^[^@]*\.(?=[^.@]*(?:@|$))/, ''), how: autoApprove !== undefined ? 'as its options say' : 'the task adds it' }, location, related });
            }
          }
          for (const r of reported.values()) ctx.report({ messageId: 'taskApplyWithoutPlan', data: r.data, location: r.location, related: r.related, subject: step.subject, attributePath: 'inputs.command' });
        }
      },
    };
  },
});
