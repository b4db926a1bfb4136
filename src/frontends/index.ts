/**
 * The registry of input formats. Adding a format is one line here plus its own front-end
 * file (see README "Adding an input format"). Order matters only for files two front ends
 * could read: the first that claims a file gets it.
 */
import type { FrontEnd } from './types.js';
import { terraformFrontEnd } from './terraform.js';
import { lazyFrontEnd } from './lazy.js';
import { bicepCallingFolders, bicepLoaders } from './bicep-references.js';
import { k8sScanFolders } from './k8s-scope.js';
import { armFilesOnlyFolders } from './arm-folders.js';
import { amlCommandFiles, amlCommandReaders } from './azureml-commands.js';
import { ciCallerFiles } from './ci-references.js';
import { amlYamlByName, armByName, bicepKindByName, ciByName, k8sByName, planByName } from './names.js';

// Terraform plans, Bicep, ARM, Azure ML YAML and CI are imported on demand (start-up of runs without such files; see lazy.ts).
const terraformPlanFrontEnd = lazyFrontEnd({ name: 'terraform-plan', family: 'terraform', byName: planByName }, async () => (await import('./terraform-plan.js')).terraformPlanFrontEnd);
const bicepFrontEnd = lazyFrontEnd({ name: 'bicep', family: 'arm', byName: bicepKindByName, filesOnlyFolders: bicepCallingFolders, mayRead: bicepLoaders }, async () => (await import('./bicep.js')).bicepFrontEnd);
const armFrontEnd = lazyFrontEnd({ name: 'arm', family: 'arm', byName: armByName, filesOnlyFolders: armFilesOnlyFolders }, async () => (await import('./arm.js')).armFrontEnd);
const azuremlYamlFrontEnd = lazyFrontEnd({ name: 'azureml-yaml', family: 'arm', byName: amlYamlByName, filesOnlyFolders: amlCommandFiles }, async () => (await import('./azureml-yaml.js')).azuremlYamlFrontEnd);
const ciFrontEnd = lazyFrontEnd({ name: 'ci', family: 'ci', byName: ciByName, stage: 'first', filesOnlyFolders: ciCallerFiles, mayRead: amlCommandReaders }, async () => (await import('./ci.js')).ciFrontEnd);
// After ARM and CI: a JSON or YAML file they do not claim may still be a Kubernetes manifest.
const k8sFrontEnd = lazyFrontEnd({ name: 'k8s', family: 'k8s', byName: k8sByName, stage: 'last', filesOnlyFolders: k8sScanFolders }, async () => (await import('./k8s.js')).k8sFrontEnd);

export const FRONT_ENDS: readonly FrontEnd[] = [terraformFrontEnd, terraformPlanFrontEnd, bicepFrontEnd, armFrontEnd, azuremlYamlFrontEnd, ciFrontEnd, k8sFrontEnd];

export type { FrontEnd, FrontEndContext, FrontEndResult, ClassifiedFile, Problem, Family } from './types.js';
