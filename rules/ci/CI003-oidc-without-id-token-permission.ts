/**
 * CI003 oidc-without-id-token-permission: azure/login with `client-id` (OIDC) in a job whose
 * effective permissions do not grant `id-token: write`.
 */
import path from 'node:path';
import { defineRule } from '../../src/engine/define-rule.js';
import { grantsIdTokenWrite, isAction } from '../../src/model/ci.js';
import type { CiCallee, CiFile, CiInput, CiJob, CiPermissions, CiStep } from '../../src/model/ci.js';
import type { Location } from '../../src/core/source.js';

/** A `with:` input by name, case-insensitively (GitHub upper-cases input names into `INPUT_<NAME>`). */
function input(step: CiStep, name: string): { value?: string } | undefined {
  return step.inputs.find((e) => e.key.toLowerCase() === name);
}

/**
 * A step inside a local composite action, and the call that runs it: its `${{ inputs.x }}` are the
 * call's `with:`, else the action's defaults; `parent`, the call that runs the calling step's own
 * action (none when a workflow's step makes the call).
 */
interface ActionCall {
  caller: CiStep;
  inputs: readonly CiInput[];
  parent?: ActionCall;
}

/** Stands for a value that is not known (a rule never reports on one). */
const NOT_KNOWN = Symbol('not known');

/**
 * A `with:` value of a step as it runs: inside a composite action, `${{ inputs.x }}` is what the
 * calling step passes, else the input's default, else empty; another expression of the action's
 * inputs is not known. Undefined when not written.
 */
function inputValue(step: CiStep, name: string, call?: ActionCall): string | typeof NOT_KNOWN | undefined {
  const raw = input(step, name)?.value;
  return raw === undefined ? undefined : resolvedText(raw, call);
}

/**
 * A `with:` text as it reaches a step: inside a composite action, `${{ inputs.x }}` is what the
 * call passes (itself read in the call's own context, up the chain of actions), else the input's
 * default, else empty; a step of a workflow keeps its text (a workflow input is a value given
 * there, as on a step that calls azure/login itself).
 */
function resolvedText(raw: string, call: ActionCall | undefined, depth = 0): string | typeof NOT_KNOWN {
  if (!call || !/\$\{\{[^}]*\binputs\./.test(raw)) return raw;
  const whole = /^\s*\$\{\{\s*inputs\.([\w-]+)\s*\}\}\s*$/.exec(raw);
  if (!whole || depth >= MAX_NESTED_CALLS) return NOT_KNOWN;
  const key = whole[1]!.toLowerCase();
  const given = call.caller.inputs.find((e) => e.key.toLowerCase() === key)?.value;
  if (given !== undefined) return resolvedText(given, call.parent, depth + 1);
  return call.inputs.find((i) => i.name.toLowerCase() === key)?.default?.text ?? '';
}

/**
 * azure/login signing in over OIDC: `client-id` given, and `auth-type` not `IDENTITY`. With
 * `auth-type: IDENTITY`, `client-id` names a user-assigned managed identity of a self-hosted
 * runner, which needs no GitHub ID token (Azure/login README, "Login with User-assigned
 * Managed Identity"; Azure/login#336). An unknown `auth-type` (`${{ … }}`) is not judged.
 */
function signsInWithOidc(step: CiStep, call?: ActionCall): boolean {
  // An empty `client-id: ''` gives none: the step signs in with `creds`, needing no ID token.
  const clientId = inputValue(step, 'client-id', call);
  if (clientId === undefined || clientId === NOT_KNOWN || clientId.trim() === '') return false;
  const authType = inputValue(step, 'auth-type', call);
  if (authType === NOT_KNOWN) return false;
  if (authType === undefined || authType.trim() === '') return true;
  return authType.trim().toUpperCase() === 'SERVICE_PRINCIPAL';
}

/** The permissions as evidence: `` `contents: read` ``, `` `{}` ``, `` `read-all` ``. */
function describe(p: CiPermissions): string {
  if (p.kind === 'map') {
    const entries = Object.entries(p.scopes);
    return entries.length === 0 ? '`{}`' : `\`${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}\``;
  }
  return p.kind === 'read-all' ? '`read-all`' : 'a value that grants no `id-token: write`';
}

/** An `azure/login` step that signs in over OIDC (inside a composite action: as `call` runs it). */
function oidcLogin(step: CiStep, call?: ActionCall): boolean {
  return isAction(step.uses, 'azure/login') && signsInWithOidc(step, call);
}

/** Calls of actions one question searches at most (hostile input: thousands of steps running each other). */
const MAX_ACTION_CALLS = 10_000;

/**
 * The OIDC azure/login a step runs: the step itself, or a step of the local composite action it
 * runs, and of the actions that one runs, down to GitHub's ten levels. Each action is searched
 * once per question and set of inputs it is called with (`seen`): actions that run each other, or
 * many steps running one action with the same inputs, cost each once; the same action called with
 * `creds` and then with `client-id` is searched for both.
 */
function oidcLoginIn(step: CiStep, call?: ActionCall, seen: Set<string> = new Set(), depth = 0): { file?: string; step: CiStep } | undefined {
  if (oidcLogin(step, call)) return { step };
  const action = step.action;
  if (!action || depth >= MAX_NESTED_CALLS || seen.size >= MAX_ACTION_CALLS) return undefined;
  const key = `${action.file}\u0000${step.inputs.map((e) => `${e.key.toLowerCase()}=${String(resolvedText(e.value ?? '', call))}`).join('\u0001')}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const inner: ActionCall = { caller: step, inputs: action.inputs, ...(call ? { parent: call } : {}) };
  for (const s of action.steps) {
    const found = oidcLoginIn(s, inner, seen, depth + 1);
    if (found) return { file: found.file ?? action.file, step: found.step };
  }
  return undefined;
}

/** The permissions block in force for a job, as a related location (none: the default token). */
function permissionsRelated(file: CiFile, job: CiJob): Location[] {
  const effective = job.effectivePermissions;
  return effective ? [{ file: file.file, range: effective.range, label: effective.level === 'job' ? `permissions of job ${job.id}` : 'workflow permissions' }] : [];
}

/**
 * The deepest called workflow followed, counting the directly called one as 0: GitHub runs at
 * most ten levels of workflows, the caller and nine reusable ones (reusing-workflows, "Nesting
 * reusable workflows"; four on older GitHub Enterprise Server).
 */
const MAX_NESTED_CALLS = 8;

/** The first OIDC azure/login a called workflow runs with the caller's token, in its jobs or in the workflows they call in turn. */
function oidcLoginBelow(callee: CiCallee, depth = 0): { file: string; job: string; step: CiStep; workflow: string; action?: string } | undefined {
  for (const j of callee.bounded) {
    for (const s of j.steps) {
      const login = oidcLoginIn(s);
      // Through an action the job's step uses: the job is this workflow's, the sign-in the action's.
      if (login) return { file: login.file ?? callee.file, job: j.id, step: login.step, workflow: callee.file, ...(login.file !== undefined && s.uses ? { action: s.uses.text.trim() } : {}) };
    }
  }
  if (depth >= MAX_NESTED_CALLS) return undefined;
  for (const j of callee.bounded) {
    const below = j.callee ? oidcLoginBelow(j.callee, depth + 1) : undefined;
    if (below) return below;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'CI003',
    name: 'oidc-without-id-token-permission',
    shortDescription: '`azure/login` with `client-id` (OIDC) in a job whose effective permissions do not grant `id-token: write`.',
    fullDescription:
      'OIDC sign-in needs the job to request a GitHub ID token, which is only possible with `id-token: write`. ' +
      'The effective permissions of a job are its own `permissions:`, else the workflow-level `permissions:`, else the ' +
      "repository default, which never includes `id-token`. A job-level block replaces the workflow-level one entirely, so a job that " +
      'sets `contents: read` loses an `id-token: write` granted at the top. Without it azure/login fails at run time ' +
      '("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable"), typically only on the deploy path. A reusable workflow ' +
      '(`on: workflow_call`) without permissions of its own inherits those of the caller and is not reported there, unless another trigger (`workflow_dispatch`) runs it on its own too; a scanned ' +
      'caller whose permissions for the call grant no `id-token: write` is reported at its `uses:` (a called workflow can only narrow its caller\'s token).',
    help: 'Add `permissions: { id-token: write, contents: read }` to the job (or to the workflow when no job overrides it).',
    level: 'error',
    tags: ['ci', 'correctness', 'identity'],
    formats: ['github-actions'],
    messages: {
      jobPermissions:
        '{{login}} with `client-id` needs an OIDC token but job `{{job}}` sets permissions {{permissions}}; add `id-token: write` (with `contents: read`) to the permissions of the job.',
      jobReplacesWorkflow:
        '{{login}} with `client-id` needs an OIDC token but job `{{job}}` sets permissions {{permissions}}, which replaces the workflow-level block; add `id-token: write` (with `contents: read`) to the permissions of the job.',
      workflowPermissions:
        '{{login}} with `client-id` needs an OIDC token but job `{{job}}` inherits workflow permissions {{permissions}}; add `id-token: write` (with `contents: read`) to the permissions of the job.',
      defaultPermissions:
        '{{login}} with `client-id` needs an OIDC token but job `{{job}}` has no `permissions:` and the default token has no `id-token`; add `id-token: write` (with `contents: read`) to the permissions of the job.',
      defaultPermissionsWhenNotCalled:
        '{{login}} with `client-id` needs an OIDC token but job `{{job}}` has no `permissions:`: called by another workflow it has the caller\'s, but run by {{triggers}} it has the default token, which has no `id-token`; add `id-token: write` (with `contents: read`) to the permissions of the job.',
      callerPermissions:
        'Job `{{job}}` calls {{callee}}, whose job `{{calledJob}}` signs in with `azure/login` over OIDC with at most this call\'s permissions, but {{permissions}} grants no `id-token: write`; add `id-token: write` (with `contents: read`) to the permissions of job `{{job}}`.',
      callerPermissionsAction:
        'Job `{{job}}` calls {{callee}}, whose job `{{calledJob}}` signs in over OIDC through action `{{action}}`, but {{permissions}} grants no `id-token: write`; add `id-token: write` (with `contents: read`) to the permissions of job `{{job}}`.',
      callerPermissionsNested:
        'Job `{{job}}` calls {{callee}}, which passes its permissions on to `{{inner}}`, whose job `{{calledJob}}` signs in with `azure/login` over OIDC, but {{permissions}} grants no `id-token: write`; add `id-token: write` (with `contents: read`) to the permissions of job `{{job}}`.',
    },
  },
  create(ctx) {
    /** A job calling a scanned reusable workflow whose called job signs in over OIDC with at most this call's token. */
    const reportCaller = (file: CiFile, job: CiJob): void => {
      const callee = job.callee!;
      const called = oidcLoginBelow(callee);
      if (!called?.step.uses || !job.uses) return;
      const effective = job.effectivePermissions;
      const permissions = effective ? `the ${effective.level === 'job' ? 'job' : 'workflow'} permissions ${describe(effective)}` : 'the default token (no `permissions:` in this workflow)';
      // The job that signs in is in another reusable workflow the callee calls (not in an action one of its own jobs uses).
      const nested = called.workflow !== callee.file;
      const messageId = nested ? 'callerPermissionsNested' : called.action !== undefined ? 'callerPermissionsAction' : 'callerPermissions';
      ctx.report({
        messageId,
        data: { job: job.id, callee: `\`${job.uses.text.trim()}\``, calledJob: called.job, permissions, ...(nested ? { inner: path.basename(called.workflow) } : {}), ...(called.action !== undefined ? { action: called.action } : {}) },
        location: { file: file.file, range: { start: job.uses.keyRange.start, end: job.uses.range.end } },
        related: [{ file: called.file, range: { start: called.step.uses.keyRange.start, end: called.step.uses.range.end }, label: `azure/login in job ${called.job}` }, ...permissionsRelated(file, job)],
        subject: job.subject,
        attributePath: 'permissions.id-token',
      });
    };
    return {
      ciFile(file) {
        if (file.composite) return;
        for (const job of file.jobs) {
          // A local reusable workflow runs its jobs with this call's permissions, or fewer: a called
          // workflow can only narrow its caller's token, so its own `id-token: write` does not help.
          const effective = job.effectivePermissions;
          // A reusable workflow without permissions runs with its caller's, and passes them on to
          // the workflows it calls in turn (nested reusable workflows): judged at its callers. One
          // that another trigger runs on its own too (`workflow_dispatch`) has the default token then.
          if (!effective && file.calledOnly) continue;
          if (job.callee && !grantsIdTokenWrite(effective)) reportCaller(file, job);
          if (grantsIdTokenWrite(effective)) continue;
          for (const step of job.steps) {
            const u = step.uses;
            const login = u ? oidcLoginIn(step) : undefined;
            if (!u || !login) continue;
            const messageId = !effective
              ? file.reusable
                ? 'defaultPermissionsWhenNotCalled'
                : 'defaultPermissions'
              : effective.level === 'workflow'
                ? 'workflowPermissions'
                : file.permissions
                  ? 'jobReplacesWorkflow'
                  : 'jobPermissions';
            // Through a composite action: reported at this job's step, the login inside it related.
            const inAction = login.file !== undefined && login.step.uses ? { file: login.file, range: { start: login.step.uses.keyRange.start, end: login.step.uses.range.end }, label: `azure/login in ${u.text.trim()}` } : undefined;
            const related = [...(inAction ? [inAction] : []), ...permissionsRelated(file, job)];
            ctx.report({
              messageId,
              data: {
                job: job.id,
                permissions: effective ? describe(effective) : '',
                login: inAction ? `\`azure/login\` (in the local action \`${u.text.trim()}\`)` : '`azure/login`',
                triggers: file.triggers.filter((t) => t.text !== 'workflow_call').map((t) => `\`${t.text}\``).join(', '),
              },
              location: { file: file.file, range: { start: u.keyRange.start, end: u.range.end } },
              related,
              subject: step.subject,
              attributePath: 'permissions.id-token',
            });
          }
        }
      },
    };
  },
});
