/**
 * Azure Pipelines tasks that run a script written in their inputs, and which input decides
 * whether they run it. A task input left out takes the task's default (the agent fills every
 * input of the task definition before the step runs), and the default of these selectors is
 * the script *file*: a step that writes an inline script without selecting it fails with
 * "Input required: scriptPath" and never runs the script.
 *
 * Sources (the task references' syntax blocks, "Default:"):
 * - AzureCLI@0…@3 `scriptLocation` 'inlineScript' | 'scriptPath', Default: scriptPath —
 *   https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/azure-cli-v2 (v0/v1/v3 alike)
 * - AzurePowerShell@2…@5 `ScriptType` 'FilePath' | 'InlineScript', Default: FilePath —
 *   https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/azure-powershell-v5
 * - Bash@3 `targetType` 'filePath' | 'inline', Default: filePath —
 *   https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/bash-v3
 * - PowerShell@2 `targetType` 'filePath' | 'inline', Default: filePath —
 *   https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/powershell-v2
 * - CmdLine@2 `script` (always inline) — https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/cmd-line-v2
 * The script file and its arguments (same pages: AzureCLI@2 `scriptPath`, `arguments` "Alias:
 * scriptArguments", `scriptType` 'ps' | 'pscore' | 'batch' | 'bash'; Bash@3 and PowerShell@2
 * `filePath`, `arguments`), passed as the tasks' sources do (microsoft/azure-pipelines-tasks:
 * Tasks/AzureCLIV2/src/ScriptType.ts `tool.arg(scriptPath); tool.line(scriptArguments)` for bash;
 * Tasks/BashV3/bash.ts ``exec bash '${filePath}' ${arguments}``; Tasks/PowerShellV2
 * ``. '${filePath}' ${arguments}``). AzurePowerShell's script file is not followed.
 * Kept beside the CI parser, which reads the scripts (src/parse imports only src/core); the
 * CI front end reads the same table for the file a step runs.
 */

export interface TaskScriptInput {
  /** The input holding the inline script. */
  script: string;
  /** The input that selects inline or file, its inline value and its default (lower case); absent: always inline. */
  selector?: { input: string; inline: string; file: string; default: string };
  /** The input naming the script file it runs in file mode. */
  file?: string;
  /** How a script file is given the task's arguments (`TaskArguments`); absent: not read. */
  arguments?: TaskArguments;
}

/**
 * How a task passes its arguments input to the script file it runs. The agent first expands the
 * input's `$(name)` macros; then:
 * - `'task-lib'`: the task splits the text itself (azure-pipelines-task-lib ToolRunner.line →
 *   `_argStringToArray`: words end at a space outside double quotes, `\"` in quotes is a quote,
 *   single quotes are plain characters) and starts `bash <file> <words…>`: no shell reads them.
 * - `'shell'`: the text is written after the file into a bash script (`exec bash '<file>' <arguments>`).
 * - `'powershell'`: the text is written after the file into a PowerShell script (`. '<file>' <arguments>`).
 */
export type ArgumentSyntax = 'task-lib' | 'shell' | 'powershell';

export interface TaskArguments {
  /** The input and its aliases (lower case). */
  inputs: readonly string[];
  /** The syntax, fixed or chosen by another input's value (lower case); a value not listed: not read. */
  syntax: ArgumentSyntax | { input: string; values: Readonly<Record<string, ArgumentSyntax>> };
}

/** By task name (lower case, without `@version`). */
export const TASK_SCRIPT_INPUTS: ReadonlyMap<string, TaskScriptInput> = new Map([
  [
    'azurecli',
    {
      script: 'inlineScript',
      selector: { input: 'scriptLocation', inline: 'inlinescript', file: 'scriptpath', default: 'scriptpath' },
      file: 'scriptPath',
      arguments: { inputs: ['arguments', 'scriptarguments'], syntax: { input: 'scripttype', values: { bash: 'task-lib', ps: 'powershell', pscore: 'powershell' } } },
    },
  ],
  ['azurepowershell', { script: 'Inline', selector: { input: 'ScriptType', inline: 'inlinescript', file: 'filepath', default: 'filepath' } }],
  ['bash', { script: 'script', selector: { input: 'targetType', inline: 'inline', file: 'filepath', default: 'filepath' }, file: 'filePath', arguments: { inputs: ['arguments'], syntax: 'shell' } }],
  ['powershell', { script: 'script', selector: { input: 'targetType', inline: 'inline', file: 'filepath', default: 'filepath' }, file: 'filePath', arguments: { inputs: ['arguments'], syntax: 'powershell' } }],
  ['cmdline', { script: 'script' }],
]);

/**
 * Whether a step of `task` runs its inline script (`'inline'`), its script file (`'file'`), or
 * which is not known (a `$(var)` or `${{ }}` selector): `undefined`. `selected` is the
 * selector input's value as written, or undefined when left out.
 */
export function taskScriptMode(task: TaskScriptInput, selected: string | undefined): 'inline' | 'file' | undefined {
  const s = task.selector;
  if (!s) return 'inline';
  const v = (selected ?? s.default).trim().toLowerCase();
  return v === s.inline ? 'inline' : v === s.file ? 'file' : undefined;
}
