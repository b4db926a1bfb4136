/**
 * A `.bicepparam` whose `using` names an ARM JSON template (`using './azuredeploy.json'`,
 * BICEP.md §3): the template is evaluated once per such file with its values, as it is with a
 * JSON parameters file (`../arm/project.ts`). Values the `.bicepparam` sets are located where it
 * writes them; those it leaves to the template's defaults, in the template (RULES.md "Location").
 */
import path from 'node:path';
import type { Value } from '../../core/value.js';
import { getProp, type ParsedJson } from '../../parse/json/index.js';
import { bicepDeclarations, type ArmUnitEvaluation } from '../arm/project.js';
import { evaluateArmTemplate } from '../arm/template.js';
import { isTemplateSchema } from '../arm/detect.js';
import type { Host } from '../../core/host.js';

/** Why a `using` JSON target is not evaluated as a template, or undefined when it is one. */
export function notATemplate(parsed: ParsedJson | undefined): string | undefined {
  if (!parsed?.root || parsed.root.type !== 'object') return 'cannot be read as JSON';
  const schema = getProp(parsed.root, '$schema')?.value;
  // The ARM front end's own test: a file it does not take for a template is not evaluated as one here.
  return typeof schema === 'string' && isTemplateSchema(schema) ? undefined : 'is not an ARM template';
}

export interface UsingTemplateInput {
  template: string;
  parsed: ParsedJson;
  /** The `.bicepparam` file (the variant) and its values, by name as written (ARM matches them without case). */
  paramFile: string;
  values: ReadonlyMap<string, Value>;
  host: Host;
}

/**
 * The template evaluated with the `.bicepparam`'s values, as one variant. The environment class
 * is decided by the caller (the same order as for a `.bicep` variant).
 */
export function evaluateUsingTemplate(input: UsingTemplateInput): Omit<ArmUnitEvaluation, 'evaluation'> & { variant: string } {
  const result = evaluateArmTemplate({ file: input.template, parsed: input.parsed, parameterValues: new Map(input.values) });
  // A template compiled from a `.bicep` beside it points at its declarations, as the ARM front end's do.
  const bicepDeclaration = result.generator?.name === 'bicep' ? bicepDeclarations(input.template, input.host) : undefined;
  return {
    variant: path.relative(path.dirname(input.template), input.paramFile).split(path.sep).join('/'),
    result,
    ...(bicepDeclaration ? { bicepDeclaration } : {}),
  };
}
