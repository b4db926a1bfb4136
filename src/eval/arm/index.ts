/** ARM front end: expression language, template evaluation, detection and pairing. */
export { classifyString, parseExpression, printExpr, quoteArm } from './expression.js';
export type { Expr, ParseResult, StringForm } from './expression.js';
export { evalExpr, evaluateArmString, tokenText } from './evaluate.js';
export type { ExprContext } from './evaluate.js';
export { armResourceIdKey, armResourceKey } from './resourceid.js';
export type { ArmUnknown } from './resourceid.js';
export { evaluateArmTemplate, readParameterFile } from './template.js';
export type { ArmEvaluation, ArmProblem, ArmResource, EvaluateArmOptions } from './template.js';
export { isArmParameterFile, isArmTemplate, pairParameterFiles } from './detect.js';
