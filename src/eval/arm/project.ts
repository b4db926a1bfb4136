/**
 * ARM templates across a scan: pairs parameter files with templates (each parameter
 * file is a variant, RULES.md "Variants"), decides each variant's environment class and
 * evaluates it. Compiled Bicep templates get a pointer to their `.bicep` declaration.
 */
import path from 'node:path';
import type { EnvClass } from '../../core/env.js';
import type { Host } from '../../core/host.js';
import type { Evaluation, InputDecl } from '../types.js';
import type { Location } from '../../core/source.js';
import { getProp, members, type ParsedJson } from '../../parse/json/index.js';
import { unknown, type Value } from '../../core/value.js';
import { classifyPath, envFromVariables, evaluationEnv } from '../../core/env.js';
import { pairParameterFiles, type UndeclaredParameters } from './detect.js';
import { evaluateArmTemplate, parameterFileEntries, parametersObject, type ArmEvaluation, type ArmProblem, type ArmResource } from './template.js';

export interface ArmInput {
  root: string;
  /** Reads the `.bicep` source beside a compiled template (never outside the scan root). */
  host: Host;
  templates: string[];
  /**
   * Every template parameter files may belong to, when it is more than `templates` (compiled
   * twins the Bicep front end lints in their place): their parameter files are theirs, never
   * paired with a neighbour.
   */
  pairingTemplates?: string[];
  parameterFiles: string[];
  /**
   * Templates evaluated elsewhere with parameter values (a `.bicepparam` names them in `using`):
   * only their paired parameter files are variants here, never their defaults alone.
   */
  withoutDefaults?: ReadonlySet<string>;
  parse(file: string): ParsedJson | undefined;
  /** A template a deployment links by `relativePath` (EvaluateArmOptions.readLinked). */
  readLinked?: (file: string) => ParsedJson | undefined;
  envOverride?: EnvClass;
  /** The scan root's folders from its repository's top (FrontEndContext.envAbove). */
  envAbove?: string;
  envForPath?(relPath: string): EnvClass | undefined;
}

export interface ArmUnitEvaluation {
  evaluation: Evaluation;
  result: ArmEvaluation;
  /** For templates compiled from Bicep with the `.bicep` beside them. */
  bicepDeclaration?: (r: ArmResource) => Location | undefined;
}

export function evaluateArm(input: ArmInput): { evaluations: ArmUnitEvaluation[]; problems: ArmProblem[] } {
  const pairs = pairParameterFiles(input.pairingTemplates ?? input.templates, input.parameterFiles, (pf) => metadataTemplate(input.parse(pf)), undeclaredParameters(input.parse));
  const evaluations: ArmUnitEvaluation[] = [];
  const problems: ArmProblem[] = [];
  const seenProblems = new Set<string>();
  for (const template of [...input.templates].sort()) {
    const parsed = input.parse(template);
    if (!parsed?.root) continue;
    // A parameter file that cannot be read is PARSE001 and no variant. When no paired file can be
    // read, the template is still linted (RULES.md: "every other file is still linted"), with every
    // parameter unknown: what the file would have given them is not known, and a default would be a guess.
    const paired = pairs.get(template) ?? [];
    const variants = paired.filter((pf) => input.parse(pf)?.root !== undefined).sort();
    const unreadable = variants.length === 0 ? paired[0] : undefined;
    let bicepDeclaration: ArmUnitEvaluation['bicepDeclaration'];
    for (const pf of variants.length ? variants : input.withoutDefaults?.has(template) ? [] : [undefined]) {
      const pfParsed = pf ? input.parse(pf) : undefined;
      const result = evaluateArmTemplate({
        file: template,
        parsed,
        parameterFile: pf ? { file: pf, parsed: pfParsed! } : undefined,
        ...(input.readLinked ? { readLinked: input.readLinked } : {}),
        ...(unreadable ? { parameterValues: unknownParameters(parsed, unreadable) } : {}),
      });
      for (const p of result.problems) {
        const key = `${p.location.file}:${p.location.range.start.offset}:${p.message}`;
        if (!seenProblems.has(key)) {
          seenProblems.add(key);
          problems.push(p);
        }
      }
      if (result.generator?.name === 'bicep' && bicepDeclaration === undefined) bicepDeclaration = bicepDeclarations(template, input.host);
      const rel = (f: string): string => path.relative(input.root, f).split(path.sep).join('/');
      const env = evaluationEnv(
        input.envOverride ??
        input.envForPath?.(rel(pf ?? template)) ??
        // RULES.md Environments: "the variable file's name or folder": its name decides first,
        // then its folders from the nearest up (`prod/main.parameters.json` below the template,
        // a template and its parameter file in `envs/prod/`), as a root's terraform.tfvars is read.
        (pf ? classifyPath(rel(pf), input.envAbove)?.env : undefined) ??
          envFromParameters(result),
      );
      evaluations.push({
        evaluation: {
          variant: pf ? path.relative(path.dirname(template), pf).split(path.sep).join('/') : 'default',
          variantFile: pf,
          ...env,
          unit: template,
          inputs: result.inputs,
          ...(pf ? undeclaredValues(template, result.inputs, parameterFileEntries({ file: pf, parsed: pfParsed! }), true) : {}),
        },
        result,
        bicepDeclaration,
      });
    }
  }
  return { evaluations, problems };
}

/**
 * Whether a parameter file's text can hold `metadata.template`: without the word, and without
 * an escape that could spell it, it cannot, and pairing needs no parse (issue 15: most are
 * paired by name).
 */
export function mayNameTemplate(text: string): boolean {
  return text.includes('template') || text.includes('\\');
}

/**
 * `UndeclaredParameters` from parsed files: the names a parameter file gives that the template's
 * `parameters` do not declare (ARM parameter names ignore case); undefined when either file
 * cannot be read.
 */
export function undeclaredParameters(parse: (file: string) => ParsedJson | undefined): UndeclaredParameters {
  return (paramFile, template) => {
    const given = parse(paramFile)?.root;
    const root = parse(template)?.root;
    if (!given || root?.type !== 'object') return undefined;
    const declared = new Set(members(getProp(root, 'parameters')).map(([k]) => k.toLowerCase()));
    return members(parametersObject(given))
      .map(([k]) => k)
      .filter((k) => !declared.has(k.toLowerCase()));
  };
}

/**
 * The values of `assigned` (a parameter file's, in file order, names as written) that no
 * parameter of the template `unit` takes: `Evaluation.undeclaredValues`, absent when none. A
 * parameter is one `unit` itself declares (not a module's, not an inner nested template's). ARM
 * binds names without case, the last of several spellings winning (`anyCase`: a JSON parameter
 * file, or a `.bicepparam` for an ARM template); a `.bicepparam` for a `.bicep` binds them as
 * written. An entry another one overrides is taken by none (review 120).
 */
export function undeclaredValues(unit: string, inputs: readonly InputDecl[], assigned: Iterable<[string, Value]>, anyCase: boolean): { undeclaredValues: Map<string, Value> } | Record<string, never> {
  const key = (name: string): string => (anyCase ? name.toLowerCase() : name);
  const declared = new Set(inputs.filter((i) => !i.nested && i.header.file === unit).map((i) => key(i.name)));
  const entries = [...assigned];
  const last = new Map(entries.map(([name], i) => [key(name), i]));
  const out = new Map(entries.filter(([name], i) => !declared.has(key(name)) || last.get(key(name)) !== i));
  return out.size > 0 ? { undeclaredValues: out } : {};
}

/** Every parameter of a template, unknown: its only parameter file cannot be read. */
function unknownParameters(parsed: ParsedJson, file: string): Map<string, Value> {
  const why = `its parameter file ${path.basename(file)} cannot be read`;
  return new Map(members(parametersObject(parsed.root)).map(([name]) => [name, unknown(why)]));
}

/** A parameter file's `metadata.template`: the template it names (a path relative to it). */
export function metadataTemplate(pf: ParsedJson | undefined): string | undefined {
  const t = getProp(getProp(pf?.root, 'metadata'), 'template');
  return typeof t?.value === 'string' ? t.value : undefined;
}

/**
 * The names a template compiled from `main.bicep` goes by besides `main.json`: `azuredeploy.json`
 * (the quickstart layout) and `mainTemplate.json` (the name an Azure Managed Application or
 * Marketplace package requires; built with `az bicep build --file main.bicep --outfile mainTemplate.json`).
 */
const MAIN_TEMPLATE_NAMES = ['azuredeploy', 'maintemplate'];

/**
 * Where the `.bicep` source of a compiled template would be: `X.bicep` beside `X.json`, and
 * `main.bicep` beside an `azuredeploy.json` or `mainTemplate.json`.
 */
export function bicepSourceCandidates(template: string): string[] {
  const dir = path.dirname(template);
  const base = path.basename(template).replace(/\.jsonc?$/i, '');
  return [path.join(dir, `${base}.bicep`), ...(MAIN_TEMPLATE_NAMES.includes(base.toLowerCase()) ? [path.join(dir, 'main.bicep')] : [])];
}

/** The other way round: the compiled templates that may stand for a `.bicep` (`X.json`; for `main.bicep` also `azuredeploy.json`, `mainTemplate.json`). */
export function compiledTemplateCandidates(bicep: string): string[] {
  const dir = path.dirname(bicep);
  const base = path.basename(bicep).replace(/\.bicep$/i, '');
  return [path.join(dir, `${base}.json`), ...(base.toLowerCase() === 'main' ? [path.join(dir, 'azuredeploy.json'), path.join(dir, 'mainTemplate.json')] : [])];
}

/**
 * The environment a template's parameters name (RULES.md "Environments"): a parameter's
 * assigned value, else its default. Parameter names compare without case, as ARM's do;
 * `unit` keeps to the parameters declared in one file (a Bicep file, not the modules it uses).
 */
export function envFromParameters(result: ArmEvaluation, unit?: string): EnvClass | undefined {
  return envFromVariables((name) => {
    // A nested deployment's parameters are the inner template's, not the deployment's inputs.
    const input = result.inputs.find((i) => !i.nested && i.name.toLowerCase() === name.toLowerCase() && (unit === undefined || i.header.file === unit));
    return input?.assigned ?? input?.defaultValue;
  });
}

/**
 * Best-effort map from a compiled resource to its `.bicep` declaration: the `.bicep`
 * with the template's name (`main.json` ↔ `main.bicep`), or `main.bicep` beside an
 * `azuredeploy.json` (quickstart layout). Matched by symbolic name (languageVersion 2.0),
 * else by the first declaration of the same type. The `.bicep` is read through the Host, so a
 * `.bicep` behind a symbolic link that leaves the scan root gives no location.
 */
export function bicepDeclarations(template: string, host: Host): ((r: ArmResource) => Location | undefined) | undefined {
  const bicep = bicepSourceCandidates(template).find((c) => host.isFile(c));
  if (!bicep) return undefined;
  const text = host.readText(bicep);
  if (text === undefined) return undefined;
  const decls: { name: string; type: string; line: number; column: number; length: number; offset: number }[] = [];
  const re = /^([ \t]*)resource\s+([A-Za-z_][A-Za-z0-9_]*)\s+'([^'@]+)@[^']*'/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = text.slice(0, m.index).split('\n').length;
    decls.push({ name: m[2]!, type: m[3]!.toLowerCase(), line, column: m[1]!.length + 1, length: m[0].length - m[1]!.length, offset: m.index + m[1]!.length });
  }
  return (r) => {
    if (r.deployment.length > 0) return undefined;
    const d = (r.symbolicName && decls.find((x) => x.name === r.symbolicName)) || decls.find((x) => x.type === r.type.toLowerCase());
    if (!d) return undefined;
    return {
      file: bicep,
      label: `declared in ${path.basename(bicep)} as "${d.name}"`,
      range: { start: { line: d.line, column: d.column, offset: d.offset }, end: { line: d.line, column: d.column + d.length, offset: d.offset + d.length } },
    };
  };
}
