/**
 * The CI model: what a GitHub Actions workflow or composite action, an Azure Pipelines file
 * or template, or a shell/PowerShell script declares and runs, with the exact position of
 * everything a rule may point at.
 *
 *   CiFile → stages (Azure Pipelines) → jobs → steps → scripts → commands → words
 *
 * plus the file's triggers and inputs (`workflow_call`/`workflow_dispatch` inputs, action
 * inputs, pipeline `parameters:`), permissions, variables (`env:`, `variables:`) at every
 * level, environments, reusable-workflow and template calls, and every comment.
 *
 * These types are the output of the CI evaluator (src/eval/ci/build.ts); rules read them
 * through src/model/ci.ts. Positions follow src/core/source.ts (1-based line, UTF-16
 * column, exclusive end) and are exact inside block and folded scalars.
 */
import type { ScriptOrigin } from '../../parse/yaml/script-origin.js';
import type { Location, Range } from '../../core/source.js';
import type { TemplateCondition } from './template-conditions.js';

export type CiFileKind = 'github-workflow' | 'github-action' | 'azure-pipeline' | 'script';

/** The input format of a CI file (the engine's `InputFormat` names). */
export type CiFormat = 'github-actions' | 'azure-pipelines' | 'script';

/** A scalar as written: its string value and the range of its content (without quotes). */
export interface CiScalar {
  text: string;
  range: Range;
}

/** A `key: value` entry: a GitHub `with:` input, a task input, a template parameter. */
export interface CiEntry {
  key: string;
  keyRange: Range;
  /** The value when it is a scalar (`''` for an empty value); undefined for a mapping or list. */
  value?: string;
  /** Range of the value's content (the whole node for a mapping, list or block scalar). */
  valueRange?: Range;
  /** From the key to the end of the value. */
  range: Range;
}

/**
 * A task input as a caller's values make it (`CiStep.inputsByCallers`): its text, located where
 * the caller writes it when one expression is the whole value; or why it is not known.
 */
export type CiCallerInput = { text: string; origin?: Location } | { unknown: string };

/** A GitHub `permissions:` block as written at one level. */
export interface CiPermissions {
  /** Where it is written. */
  level: 'workflow' | 'job';
  /** `write-all`, `read-all`, a mapping of scopes (`{}` is an empty mapping), or anything else (an expression). */
  kind: 'write-all' | 'read-all' | 'map' | 'other';
  /** Scope → access (`read`, `write`, `none`) for a mapping. */
  scopes: Record<string, string>;
  /** The scopes with their positions, in file order. */
  entries: CiEntry[];
  keyRange: Range;
  /** From `permissions:` to the end of its value. */
  range: Range;
}

/**
 * A reference to an action or reusable workflow (`uses:`), parsed:
 * `owner/repo[/path]@ref`, a local `./path`, `docker://image`, or an expression.
 */
export interface CiUses {
  /** The value as written (without quotes). */
  text: string;
  range: Range;
  keyRange: Range;
  kind: 'local' | 'docker' | 'action' | 'reusable-workflow' | 'expression';
  /** `owner` of `owner/repo[/path]@ref`, as written (compare case-insensitively). */
  owner?: string;
  repo?: string;
  /** The path inside the repository (`.github/workflows/x.yml`, a sub-action folder). */
  path?: string;
  /** The ref after `@`; undefined when there is none. */
  ref?: string;
  /** Lower-case `owner/repo[/path]` without the ref (`azure/login`), for comparisons; `image` for docker. */
  name: string;
}

/** An Azure Pipelines `template:` reference (`path[@repository]`). */
export interface CiTemplateRef {
  text: string;
  range: Range;
  /** The template path (may contain `${{ }}`). */
  path: string;
  /** The repository alias after `@` (`mlops-templates`), when the template lives elsewhere. */
  repository?: string;
}

/** An Azure Pipelines task reference (`AzureCLI@2`). */
export interface CiTask {
  text: string;
  range: Range;
  /** The task name (`AzureCLI`), as written. */
  name: string;
  /** The major version (`2`), when given. */
  version?: string;
}

/**
 * A variable as written: a GitHub `env:` entry or an Azure Pipelines `variables:` entry.
 * Values are the text as written; resolving `${{ }}`/`$(…)` is the evaluator's job.
 */
export interface CiVariable {
  /** The variable name; for a `group`/`template` entry, the group name or template path. */
  name: string;
  nameRange: Range;
  /** The value when it is a scalar. */
  value?: CiScalar;
  /** `value`: a variable; `group`: an Azure Pipelines variable group; `template`: a variables template (both hide values). */
  kind: 'value' | 'group' | 'template';
  /** GitHub `env:`, Azure Pipelines `variables:`. */
  source: 'env' | 'variables';
  /** Where it is declared. */
  scope: 'workflow' | 'pipeline' | 'stage' | 'job' | 'step';
  /** Azure Pipelines `readonly: true`. */
  readonly?: boolean;
  /** The `${{ if … }}` / `${{ else }}` key(s) it is nested under, outermost first: the value is conditional. */
  conditions?: string[];
  /** The same as conditions to decide, each `else` with the `if`/`elseif` before it (`conditionChain`); absent when a key is not one. */
  when?: TemplateCondition[];
  /** A `template` entry whose file was read (frontends/azure-pipelines-variables.ts): the variables it inserts, in order. */
  included?: { file: string; variables: CiVariable[] };
  /** Why a value that is written cannot be read (`${{ parameters.x }}` of a variables template). */
  unreadable?: string;
  /** The file it is written in, when not the CI file that has it in scope (a variables template). */
  file?: string;
}

/**
 * A declared input of the file: `on.workflow_call.inputs` / `on.workflow_dispatch.inputs`,
 * a composite action's `inputs:`, or an Azure Pipelines template's `parameters:`.
 */
export interface CiInput {
  name: string;
  nameRange: Range;
  source: 'workflow_call' | 'workflow_dispatch' | 'action' | 'parameters';
  type?: string;
  required?: boolean;
  /** The `default:` as written (scalars only). */
  default?: CiScalar;
  /** An Azure Pipelines `object` parameter's mapping `default:`: its scalar members by dotted path (`size`, `pool.vmSize`). */
  defaultMembers?: ReadonlyMap<string, CiScalar>;
  /**
   * An Azure Pipelines parameter's list or mapping `default:` as a `${{ each }}` loop walks it:
   * a list's items, a mapping's entries (`key` set); undefined for a scalar default or none.
   */
  defaultItems?: CiLoopItem[];
  /** `options:` of a `choice` input / `values:` of a parameter: the allowed values. */
  allowed: CiScalar[];
  range: Range;
}

/**
 * One item a `${{ each }}` loop takes: a scalar (`value`), or a mapping whose scalar members
 * are `members` by dotted path (`name`, `pool.vmSize`); a mapping's entry has its `key` too
 * (`${{ pair.key }}`, `${{ pair.value }}`). Neither `value` nor `members`: a list or a value
 * nested too deep, which is not read.
 */
export interface CiLoopItem {
  key?: CiScalar;
  value?: CiScalar;
  members?: ReadonlyMap<string, CiScalar>;
}

/**
 * An Azure Pipelines `${{ each x in collection }}:` block around a stage, job or step: the loop
 * variable, the collection as written (`parameters.environments`) and where the key is.
 */
export interface CiLoop {
  variable: string;
  collection: string;
  keyRange: Range;
}

/** One axis of a GitHub `strategy.matrix`. */
export interface CiMatrixAxis {
  name: string;
  nameRange: Range;
  /** The scalar values of the axis; undefined when the axis is an expression or holds mappings. */
  values?: CiScalar[];
  /**
   * An axis of mappings (`cfg: [{ name: gpu1, size: Standard_NC6 }]`): each value's scalar
   * members, read as `${{ matrix.cfg.size }}`; a member that is not a scalar is left out (unknown).
   */
  objects?: Map<string, CiScalar>[];
}

/**
 * One entry of a GitHub `strategy.matrix.include` / `exclude` list: key → its scalar value
 * (undefined when the value is a mapping, a list or an expression the linter cannot compare).
 */
export type CiMatrixEntry = Map<string, CiScalar | undefined>;

/** One leg of an Azure Pipelines `strategy.matrix` (`a100: { vmSize: … }`). */
export interface CiMatrixLeg {
  name: string;
  values: CiMatrixEntry;
}

/** The `include:`/`exclude:` lists of a GitHub matrix. */
export interface CiMatrixRules {
  include: CiMatrixEntry[];
  exclude: CiMatrixEntry[];
  /**
   * By `exclude` entry, its keys whose value is a mapping of scalars (`pool: { name: gpub }`),
   * compared with an axis of mappings member by member (GitHub matches an exclude partially).
   */
  excludeObjects?: (ReadonlyMap<string, ReadonlyMap<string, CiScalar>> | undefined)[];
  /** The same for `include` entries: a key of no axis whose value is a mapping adds its members (`${{ matrix.pool.size }}`). */
  includeObjects?: (ReadonlyMap<string, ReadonlyMap<string, CiScalar>> | undefined)[];
  /** `exclude:` is not a list of mappings (an expression): which combinations run is unknown. */
  opaqueExclude: boolean;
}

/** A deployment environment: GitHub job `environment:`, Azure Pipelines deployment job `environment:`. */
export interface CiEnvironment {
  /** The environment name as written (may contain an expression). */
  name: string;
  range: Range;
}

/** A comment: a YAML `#` comment or a comment inside a script. */
export interface CiComment {
  /** The comment including its `#` (or `<# … #>`). */
  text: string;
  range: Range;
  source: 'yaml' | 'script';
}

/** A word of a command (an argv entry). */
export interface CiWord {
  /** The word with quotes and escapes removed, as the command receives it (expansions not resolved). */
  text: string;
  /** The word as written (quotes and `$VAR`/`${{ }}` kept): tells quoted from unquoted expansions. */
  raw: string;
  /** Exact file range of the word. */
  range: Range;
  /** Exact file range of `raw[from, to)`, e.g. the value of `--size=Standard_NC6`. */
  rangeOf(from: number, to: number): Range;
}

/** A heredoc body a command reads (`cat > compute.yml <<EOF` … `EOF`): data, not commands. */
export interface CiHeredoc {
  delimiter: string;
  /** `<<'EOF'`/`<<"EOF"`: `$…` in the body is not expanded. */
  quoted: boolean;
  /** `<<-`: leading tabs of each line are stripped. */
  stripTabs: boolean;
  /** The body as written, without the delimiter line. */
  text: string;
  range: Range;
}

/**
 * A simple command: the words between two operators (`;`, `&&`, `||`, `|`, `&`, `(`, `)`,
 * `$(`), in the order they are written. `x=$(az ad sp …)` is two commands: `x=` and
 * `az ad sp …` (`after: '$('`).
 */
export interface CiCommand {
  /** The words (argv[0] is the program, or an assignment such as `X=lit`). */
  argv: CiWord[];
  /** The line is commented out (`# az ad sp …`); such a command never runs. */
  commented: boolean;
  /** Index of the logical line (continuations joined) in its script; commands of one line share it. */
  statement: number;
  /** The operator just before this command in its line (`&&`, `||`, `|`, `;`, `$(`…), if any. */
  after?: string;
  /** The operator just after this command in its line (`)` closes the substitution it is in), if any. */
  before?: string;
  /** Its last word touches the operator after it (`X=pre$(…)`: one shell word with the substitution). */
  touchesNext?: true;
  /** Its first word touches the operator before it (`$(…)/..`: the text joins the substitution's output). */
  touchesPrevious?: true;
  /** How many unquoted `$(`/`(` it sits inside (absent: none). */
  depth?: number;
  /** From the first to the last word. */
  range: Range;
  /** The heredoc this command reads (on the command that has the `<<` word). */
  heredoc?: CiHeredoc;
  /**
   * Its words that expand a variable, as the script's default run expands them (the azure-cli
   * interpreter, for `terraform … apply` and `az ad sp create-for-rbac` commands only), by the
   * word's start offset (after `joinExpressions`): CI001/CI005 read a flag a variable holds.
   */
  expanded?: ReadonlyMap<number, CiExpandedWord>;
  /** The same, as runs with what a scanned caller passes expand them (its step's env, its arguments): at most a few. */
  expandedByCallers?: ReadonlyMap<number, CiExpandedWord>[];
}

/** A word as the script's default run expands it (`$AUTH` assigned `--sdk-auth`). */
/** A word a value became: its text, where that text is written, and — for a text a condition chose because of an input — that input and the condition (RULES.md "Values chosen by a condition"). */
export interface ExpandedPiece {
  text: string;
  origin?: Location;
  decidedBy?: Location;
  decision?: readonly Location[];
}

export interface CiExpandedWord {
  /** Every part known: the words it becomes (none for an unquoted empty value), each with where its text is written. */
  words?: ExpandedPiece[];
  /** Why it is not known. */
  unknown?: string;
  /** Not known and unquoted: it may be any number of words, flags among them. */
  mayBeSeveral?: boolean;
}

export type CiScriptLanguage = 'shell' | 'powershell';

/** Where a script is written (the parser's snippet origins). */
export type CiScriptOrigin = ScriptOrigin;

/**
 * A script: a `run:` value, an Azure Pipelines `script`/`bash`/`pwsh`/`powershell` step,
 * an inline script input (`AzureCLI@2`, `azure/cli`, `Bash@3`…), a whole `.sh`/`.ps1`
 * file, or the YAML comments of a file read as one script (`origin: 'comment'`).
 */
export interface CiScript {
  /** The step that holds it (`workflow:jobs.deploy.steps[name=Apply]`), `script` for a file, `comments` for the YAML comments. */
  subject: string;
  /** Where in the step: `run`, `script`, `inputs.inlineScript`, `with.inlineScript`; `''` for a file; `comment`. */
  attributePath: string;
  origin: CiScriptOrigin;
  language: CiScriptLanguage;
  /** File range of the script text. */
  range: Range;
  /** False when the YAML scalar could not be mapped character by character (positions are then the scalar's start). */
  exact: boolean;
  /** Every simple command, in order (commented-out ones included, marked). */
  commands: CiCommand[];
  comments: CiComment[];
  /** The first quote never closed (the `statement` of the commands it swallows): what follows is not read as commands. */
  unterminated?: { quote: string; range: Range; statement: number };
}

export type CiStepKind = 'uses' | 'run' | 'task' | 'script' | 'bash' | 'pwsh' | 'powershell' | 'template';

export interface CiStep {
  /** Stable address (ci-address.ts: named, not positional): `workflow:jobs.deploy.steps[name=Apply]`, `action:runs.steps[run=make][1]`, `pipeline:stages[stage=Deploy].jobs[job=Infra].steps[task=AzureCLI]`. */
  subject: string;
  /** Position in its job's step list (0-based, in file order). */
  index: number;
  range: Range;
  kind: CiStepKind;
  /** `name:` (GitHub) / `displayName:` (Azure Pipelines). */
  name?: string;
  /** GitHub `id:` / Azure Pipelines `name:` (the step reference name). */
  id?: string;
  /** GitHub `uses:`. */
  uses?: CiUses;
  /** Azure Pipelines `task:`. */
  task?: CiTask;
  /** Azure Pipelines step `template:`. */
  template?: CiTemplateRef;
  /** GitHub `with:`, Azure Pipelines task `inputs:` or template `parameters:`. */
  inputs: CiEntry[];
  /**
   * The entries of each `${{ if … }}` / `${{ elseif … }}` / `${{ else }}` key of a task's
   * `inputs:` (Azure Pipelines inserts the branch it takes; which one is not decided here).
   */
  inputBranches?: CiEntry[][];
  /**
   * A template's task inputs as each scanned caller expands them: per caller, the entries whose
   * value holds a template expression (`commandOptions: ${{ parameters.opts }}`), by lower-cased
   * key, resolved with the caller's values (set by the azure-cli front end; at most a few callers).
   */
  inputsByCallers?: ReadonlyMap<string, CiCallerInput>[];
  /** Step-level `env:`. */
  env: CiVariable[];
  /** GitHub `shell:` (step, else `defaults.run.shell`). */
  shell?: string;
  /**
   * Where its script starts, as written: GitHub `working-directory` (step, else
   * `defaults.run.working-directory`), Azure Pipelines `workingDirectory` (a script step's, or a
   * task's input). Relative paths the script runs are read from there.
   */
  workingDirectory?: string;
  /** GitHub `if:` / Azure Pipelines `condition:`. */
  condition?: string;
  /** Azure Pipelines compile-time conditions the step sits under (`${{ if … }}:` blocks), outermost first. */
  when?: TemplateCondition[];
  /** Azure Pipelines `${{ each }}` loops the step sits in (its stage's and job's included), outermost first: one copy per iteration. */
  loops?: CiLoop[];
  /**
   * Every context the file runs in (its defaults, each scanned caller's values) decides a
   * `when` condition against it: the step is never compiled into a run (set by the azure-cli
   * front end).
   */
  neverRuns?: true;
  /** The scripts it runs (usually one). */
  scripts: CiScript[];
  /**
   * The scanned local composite action a GitHub `uses: ./…` step runs (set by the CI front end
   * when both are in one unit): its steps run in this step's job, with its token.
   */
  action?: { file: string; steps: CiStep[]; inputs: CiInput[] };
}

/**
 * What a caller needs of a reusable workflow it calls. Its jobs are the callee's own (shared,
 * not copied): a nested call links through them (frontends/ci.ts).
 */
export interface CiCallee {
  file: string;
  /**
   * Its jobs that inherit the caller's permissions or ask for `id-token: write` of their own; one
   * that calls a reusable workflow in turn has that call (nested reusable workflows pass the
   * caller's token on).
   */
  bounded: { id: string; steps: CiStep[]; callee?: CiCallee }[];
}

export interface CiJob {
  id: string;
  /** Stable address: `workflow:jobs.deploy`, `action:runs`, `pipeline:stages[stage=Deploy].jobs[job=Infra]`, `pipeline:` for steps outside any job. */
  subject: string;
  /**
   * `job`: runs steps; `deployment`: an Azure Pipelines deployment job; `workflow-call`: a
   * GitHub job that calls a reusable workflow (`uses:`); `template`: an Azure Pipelines job
   * template call; `composite`: the steps of a composite action; `implicit`: Azure
   * Pipelines steps outside any job (a single-job pipeline, a steps template).
   */
  kind: 'job' | 'deployment' | 'workflow-call' | 'template' | 'composite' | 'implicit';
  /** `name:` (GitHub) / `displayName:` (Azure Pipelines). */
  name?: string;
  keyRange: Range;
  range: Range;
  /** GitHub `runs-on:` (a list joined with spaces) / Azure Pipelines `pool.vmImage` or `pool.name`. */
  runsOn?: string;
  /** The job's own `permissions:`. */
  permissions?: CiPermissions;
  /**
   * The permissions the job's token gets: its own block, else the workflow's (a job-level
   * block replaces the workflow's entirely). Undefined when neither is written: the
   * repository default (which never grants `id-token`), or the caller's for a reusable workflow.
   */
  effectivePermissions?: CiPermissions;
  environment?: CiEnvironment;
  /** GitHub `needs:` / Azure Pipelines `dependsOn:`. */
  needs: string[];
  /** GitHub `strategy.matrix` axes. */
  matrix: CiMatrixAxis[];
  /** GitHub `strategy.matrix.include`/`exclude` (absent when the matrix has neither). */
  matrixRules?: CiMatrixRules;
  /** Azure Pipelines `strategy.matrix` legs: one job copy per leg, its entries set as variables. */
  matrixLegs?: CiMatrixLeg[];
  /** Job-level `env:` (GitHub) / `variables:` (Azure Pipelines). */
  env: CiVariable[];
  /** The reusable workflow a `workflow-call` job calls. */
  uses?: CiUses;
  /**
   * The scanned reusable workflow a `workflow-call` job's local `uses: ./.github/workflows/x.yml`
   * names (set by the CI front end when both are in one unit): its path and the steps of the jobs
   * whose token this call bounds — those that set no permissions (they run with this job's) and
   * those that ask for `id-token: write` (a called workflow can only narrow its caller's token).
   */
  callee?: CiCallee;
  /** The job template an Azure Pipelines `template` job calls. */
  template?: CiTemplateRef;
  /** `with:` of a reusable-workflow call / `parameters:` of a job template call. */
  inputs: CiEntry[];
  /** `secrets: inherit` or a mapping, for a reusable-workflow call. */
  secrets?: CiEntry;
  /** The subject of the Azure Pipelines stage it belongs to. */
  stage?: string;
  /** Azure Pipelines `${{ each }}` loops the job sits in (its stage's included), outermost first. */
  loops?: CiLoop[];
  steps: CiStep[];
}

/** An Azure Pipelines stage. */
export interface CiStage {
  id: string;
  subject: string;
  name?: string;
  keyRange: Range;
  range: Range;
  env: CiVariable[];
  /** A stage template call (`- template: stages.yml`). */
  template?: CiTemplateRef;
  inputs: CiEntry[];
  /** Azure Pipelines `${{ each }}` loops the stage sits in, outermost first. */
  loops?: CiLoop[];
  /** Subjects of its jobs. */
  jobs: string[];
}

export interface CiFile {
  file: string;
  kind: CiFileKind;
  format: CiFormat;
  /** Workflow / action / pipeline `name:`. */
  name?: string;
  /** GitHub `on:` events, with their positions. */
  triggers: CiScalar[];
  /** `on: workflow_call`: a reusable workflow (it runs with its caller's permissions when it sets none). */
  reusable: boolean;
  /** `workflow_call` is its only trigger: it never runs but as another workflow calls it (`workflow_dispatch` beside it runs it on its own too). */
  calledOnly: boolean;
  /** A composite action (`action.yml` with `runs.using: composite`). */
  composite: boolean;
  inputs: CiInput[];
  /** Azure Pipelines `extends: { template, parameters }`: the template the whole pipeline runs. */
  extends?: { template: CiTemplateRef; inputs: CiEntry[] };
  /** Workflow-level `permissions:`. */
  permissions?: CiPermissions;
  /** Workflow-level `env:` / pipeline-level `variables:`. */
  env: CiVariable[];
  stages: CiStage[];
  jobs: CiJob[];
  /** Every step of every job, in file order. */
  steps: CiStep[];
  /** Every script, in file order (for a script file: the whole file, subject `script`). */
  scripts: CiScript[];
  /**
   * The YAML `#` comments, outside steps included, read as one shell script (subject
   * `comments`): every command in it is commented out. Absent when the file has none.
   */
  commentedOut?: CiScript;
  /** Every YAML comment and every comment inside a script, in file order. */
  comments: CiComment[];
}
