/**
 * Kept apart from the script lexer (which imports the `yaml` types) so that the CI model's
 * public type declarations do not need the `yaml` package.
 */
/** Where a snippet came from. */
export type ScriptOrigin =
  | 'run'
  | 'script'
  | 'bash'
  | 'pwsh'
  | 'powershell'
  | 'inlineScript'
  | 'inputs.script'
  | 'file'
  | 'comment';
