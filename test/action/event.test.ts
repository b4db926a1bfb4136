/**
 * Reading the pull request from $GITHUB_EVENT_PATH: the SHAs only when they are commit IDs,
 * and every unusable payload a reason instead of an exception.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPullRequestEvent } from '../../src/action/event.js';

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);

function eventFile(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-event-'));
  const file = path.join(dir, 'event.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('readPullRequestEvent', () => {
  it('reads number, base.sha and head.sha of a pull_request payload', () => {
    const file = eventFile(JSON.stringify({ number: 7, pull_request: { number: 7, base: { sha: BASE }, head: { sha: HEAD } } }));
    expect(readPullRequestEvent({ GITHUB_EVENT_PATH: file })).toEqual({ kind: 'pull-request', pr: { number: 7, baseSha: BASE, headSha: HEAD } });
  });

  it('accepts SHA-256 commit IDs', () => {
    const [b, h] = ['c'.repeat(64), 'd'.repeat(64)];
    const file = eventFile(JSON.stringify({ pull_request: { base: { sha: b }, head: { sha: h } } }));
    expect(readPullRequestEvent({ GITHUB_EVENT_PATH: file })).toEqual({ kind: 'pull-request', pr: { number: undefined, baseSha: b, headSha: h } });
  });

  it('no payload, or a payload without pull_request (push, schedule): not a pull request', () => {
    expect(readPullRequestEvent({})).toEqual({ kind: 'none' });
    expect(readPullRequestEvent({ GITHUB_EVENT_PATH: eventFile(JSON.stringify({ ref: 'refs/heads/main', after: HEAD })) })).toEqual({ kind: 'none' });
    expect(readPullRequestEvent({ GITHUB_EVENT_PATH: eventFile('[1, 2]') })).toEqual({ kind: 'none' });
  });

  it.each([
    ['a missing file', undefined, /cannot read the event payload .*: no such file or folder \(ENOENT\)/],
    ['bad JSON', '{ "pull_request": ', /cannot read the event payload .*: it is not valid JSON/],
    ['no head', JSON.stringify({ pull_request: { base: { sha: BASE } } }), /no valid pull_request\.head\.sha$/],
    ['an option instead of a SHA', JSON.stringify({ pull_request: { base: { sha: '--output=/tmp/x' }, head: { sha: HEAD } } }), /no valid pull_request\.base\.sha$/],
    ['a branch name', JSON.stringify({ pull_request: { base: { sha: 'main' }, head: { sha: 'HEAD' } } }), /no valid pull_request\.base\.sha and pull_request\.head\.sha/],
    ['upper-case hex', JSON.stringify({ pull_request: { base: { sha: BASE.toUpperCase() }, head: { sha: HEAD } } }), /base\.sha/],
  ])('%s is unusable, with a reason', (_what, content, reason) => {
    const file = content === undefined ? path.join(os.tmpdir(), 'mlops-iac-lint-no-such-event.json') : eventFile(content);
    const event = readPullRequestEvent({ GITHUB_EVENT_PATH: file });
    expect(event.kind).toBe('unusable');
    expect(event.kind === 'unusable' && event.reason).toMatch(reason);
  });
});
