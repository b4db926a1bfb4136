/**
 * The pull request the workflow run is for, read from the event payload the runner writes
 * to `$GITHUB_EVENT_PATH` (the webhook payload of `pull_request`, `pull_request_target`,
 * `pull_request_review`, …: all carry `pull_request.base.sha` and `pull_request.head.sha`).
 * Nothing is fetched: the payload is a local file.
 */
import fs from 'node:fs';
import type { Env } from './io.js';
import { ioErrorText } from '../core/io-error.js';

export interface PullRequestRef {
  /** The pull request number, when the payload has one (for messages). */
  number?: number;
  /** `pull_request.base.sha`: the tip of the base branch the event was computed against. */
  baseSha: string;
  /** `pull_request.head.sha`: the last commit of the pull request. */
  headSha: string;
}

export type PullRequestEvent =
  /** Not a pull-request run (push, schedule, a local run without a payload): nothing to prioritize. */
  | { kind: 'none' }
  | { kind: 'pull-request'; pr: PullRequestRef }
  /** A pull-request payload we could not use; `reason` goes to the log and the job summary. */
  | { kind: 'unusable'; reason: string };

/**
 * A commit ID as git prints it: 40 hex digits (SHA-1) or 64 (SHA-256). Checked before the
 * value reaches a git command line, so a payload can never pass an option such as `--output`.
 */
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the pull request of this run from `$GITHUB_EVENT_PATH`. Never throws. */
export function readPullRequestEvent(env: Env): PullRequestEvent {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return { kind: 'none' };
  let payload: unknown;
  try {
    payload = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? 'it is not valid JSON' : ioErrorText(e);
    return { kind: 'unusable', reason: `cannot read the event payload ${file}: ${why}` };
  }
  if (!isObject(payload) || !isObject(payload.pull_request)) return { kind: 'none' };
  const pr = payload.pull_request;
  const number = typeof pr.number === 'number' ? pr.number : undefined;
  const base = isObject(pr.base) ? pr.base.sha : undefined;
  const head = isObject(pr.head) ? pr.head.sha : undefined;
  const bad = [
    ['base', base],
    ['head', head],
  ].filter(([, sha]) => typeof sha !== 'string' || !COMMIT_ID.test(sha));
  if (bad.length > 0) {
    const names = bad.map(([which]) => `pull_request.${which}.sha`).join(' and ');
    return { kind: 'unusable', reason: `the event payload has no valid ${names}` };
  }
  return { kind: 'pull-request', pr: { number, baseSha: base as string, headSha: head as string } };
}
