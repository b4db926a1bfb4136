/**
 * The config file (`.mlops-iac-lint.jsonc` / `.mlops-iac-lint.json`), as written and as resolved.
 * The schema is `schema/config.schema.json`.
 */
import type { EnvClass } from '../model/resource.js';
import type { Finding, LevelOrOff } from '../engine/types.js';

export const CONFIG_FILE_NAMES = ['.mlops-iac-lint.jsonc', '.mlops-iac-lint.json'] as const;

/** The `policies` section as resolved (empty `definitions` and no `fromScannedCode`: GOV002/GOV003 are inactive). */
export interface PolicyConfig {
  definitions: string[];
  /**
   * Assignment parameters by definition name or display name, each value as given (the
   * `{ "value": x }` wrapper of assignment files and Enterprise Policy as Code removed).
   */
  parameters: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Where an entry of `parameters` is written, `file:line:column`: its key, or with `parameter`
   * that parameter's name (`inValue`: its value). For the mistakes decided once the definitions
   * are loaded (`parameterMistakes`); absent without a config file.
   */
  placeOf?(key: string, parameter?: string, inValue?: boolean): string;
  fromScannedCode: boolean;
  /** An `az provider show --expand resourceTypes/aliases` dump (absolute path), when configured. */
  aliases?: string;
}

/** A path-scoped suppression from the config file (SARIF kind `external`). */
export interface ConfigSuppression {
  rule: string;
  /** Globs relative to the config file's folder. */
  paths: string[];
  reason: string;
  until?: string;
}

export interface ResolvedConfig {
  /** Folder the config's globs are relative to: the config file's folder, else the start folder. */
  baseDir: string;
  /** Level overrides by rule ID (`off` disables the rule). */
  levels: Map<string, LevelOrOff>;
  /** Rule options by rule ID, mapped from the config (only the configured ones; defaults come from `meta.options`). */
  ruleOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** `environments`, in file order (first match wins). */
  environments: { glob: string; env: EnvClass }[];
  ignorePaths: string[];
  suppressions: ConfigSuppression[];
  allowInlineSuppressions: boolean;
  /** `policies` (GOV002/GOV003): Azure Policy definitions to evaluate; globs and the alias file are relative to `baseDir`. */
  policies: PolicyConfig;
  /** Environment class for a file or folder (absolute, or relative to `baseDir`); undefined when no glob matches. */
  envForPath(p: string): EnvClass | undefined;
  /** True when the file or folder (absolute, or relative to `baseDir`) is in `ignorePaths`. */
  isIgnored(p: string): boolean;
  /** Rule IDs set to `off`. */
  disabledRules(): string[];
  /**
   * Marks findings covered by `suppressions` (not expired on `today`) with
   * `{ kind: 'external', justification: reason }`; also returns the entries that matched nothing.
   */
  applySuppressions(findings: Finding[], today: string): { findings: Finding[]; unused: ConfigSuppression[] };
  /** Applies the level overrides (`error`/`warning`/`note`) to findings of those rules; drops `off` rules' findings. */
  applyLevels(findings: Finding[]): Finding[];
}

/** An invalid config file: every problem, each `file:line:column: message`. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly messages: string[],
  ) {
    super(`invalid config file ${file}:\n${messages.map((m) => `  ${m}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
