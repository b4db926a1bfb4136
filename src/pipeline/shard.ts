/**
 * `--shard K/N` (issue 15): a deterministic partition of the units of work, so a CI matrix of
 * N jobs each lints 1/N of a large repository. A unit goes to the shard its key's hash picks:
 * the key names the unit by its front end and its first file (relative to the root), so adding
 * files elsewhere in the tree moves no other unit, and every machine computes the same split.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N), or says why it is not that. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `--shard takes K/N (for example 2/4), not '${text}'`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return `--shard ${text}: N, the number of shards, must be 1 or more`;
  if (index < 1 || index > count) return `--shard ${text}: K must be between 1 and N`;
  return { index, count };
}

/** The shard (1-based) a unit key belongs to, of `count`. */
export function shardOf(key: string, count: number): number {
  const h = createHash('sha1').update(key).digest();
  return (h.readUInt32BE(0) % count) + 1;
}
