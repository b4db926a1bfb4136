export { idName, readPolicyDocument, readTerraformPolicy } from './definition.js';
export type { InitiativeDefinition, PolicyDefinition, PolicyDocument, PolicyParameterDecl } from './definition.js';
export { compare } from './compare.js';
export { aliasType, canonicalField, effectOf, evaluateCondition, fieldsRead, likeMatches, matchMatches, normalizeLocation, tagName } from './evaluate.js';
export type { EvalInput, Evidence, Outcome, PolicyTarget, Tri } from './evaluate.js';
export { loadPolicyFiles } from './load.js';
export type { LoadedPolicies, PolicyLoadProblem } from './load.js';
