/**
 * The registry of input formats. Adding a format is one line here plus its own front-end
 * file (see README "Adding an input format"). Order matters only for files two front ends
 * could read: the first that claims a file gets it.
 */
import type { FrontEnd } from './types.js';
import { terraformFrontEnd } from './terraform.js';
import { armFrontEnd } from './arm.js';
import { bicepFrontEnd } from './bicep.js';
import { ciFrontEnd } from './ci.js';

export const FRONT_ENDS: readonly FrontEnd[] = [terraformFrontEnd, bicepFrontEnd, armFrontEnd, ciFrontEnd];

export type { FrontEnd, FrontEndContext, FrontEndResult, ClassifiedFile, Problem, Family } from './types.js';
