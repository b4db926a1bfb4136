/**
 * The registry of input formats. Adding a format is one line here plus its own front-end
 * file (see README "Adding an input format"). Order matters only for files two front ends
 * could read: the first that claims a file gets it.
 */
import type { FrontEnd } from './types.js';
import { terraformFrontEnd } from './terraform.js';
import { lazyFrontEnd } from './lazy.js';
import { armByName, bicepKindByName, ciByName } from './names.js';

// Bicep, ARM and CI are imported on demand (start-up of runs without such files; see lazy.ts).
const bicepFrontEnd = lazyFrontEnd({ name: 'bicep', family: 'arm', byName: bicepKindByName }, async () => (await import('./bicep.js')).bicepFrontEnd);
const armFrontEnd = lazyFrontEnd({ name: 'arm', family: 'arm', byName: armByName }, async () => (await import('./arm.js')).armFrontEnd);
const ciFrontEnd = lazyFrontEnd({ name: 'ci', family: 'ci', byName: ciByName }, async () => (await import('./ci.js')).ciFrontEnd);

export const FRONT_ENDS: readonly FrontEnd[] = [terraformFrontEnd, bicepFrontEnd, armFrontEnd, ciFrontEnd];

export type { FrontEnd, FrontEndContext, FrontEndResult, ClassifiedFile, Problem, Family } from './types.js';
