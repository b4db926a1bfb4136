/**
 * The CI evaluator: a parsed CI document (src/parse/yaml/ci.ts) → the CI model
 * (./types.ts). It reads structure from the positioned YAML tree and joins the parser's
 * script snippets to their steps; it resolves nothing yet (variables stay as written).
 */
import type { CiDocument } from '../../parse/yaml/ci.js';
import { readAction, readWorkflow } from './github.js';
import { readPipeline } from './azure-pipelines.js';
import { scriptOf } from './scripts.js';
import type { CiFile, CiFormat, CiScript } from './types.js';

const FORMAT: Record<CiDocument['kind'], CiFormat> = {
  'github-workflow': 'github-actions',
  'github-action': 'github-actions',
  'azure-pipeline': 'azure-pipelines',
  script: 'script',
};

export function buildCiModel(doc: CiDocument): CiFile {
  const out: CiFile = {
    file: doc.file,
    kind: doc.kind,
    format: FORMAT[doc.kind],
    triggers: [],
    reusable: false,
    calledOnly: false,
    composite: false,
    inputs: [],
    env: [],
    stages: [],
    jobs: [],
    steps: [],
    scripts: [],
    comments: doc.comments.map((c) => ({ text: c.text, range: c.range, source: c.source })),
  };
  const bySubject = new Map<string, CiScript[]>();
  for (const sn of doc.scripts) {
    const s = scriptOf(sn, doc.lineMap);
    out.scripts.push(s);
    const list = bySubject.get(s.subject);
    if (list) list.push(s);
    else bySubject.set(s.subject, [s]);
  }
  if (doc.commentScript) out.commentedOut = scriptOf(doc.commentScript, doc.lineMap);

  const first = doc.trees[0];
  if (doc.kind === 'github-workflow' && first) readWorkflow(out, first, bySubject);
  else if (doc.kind === 'github-action' && first) readAction(out, first, bySubject);
  else if (doc.kind === 'azure-pipeline') readPipeline(out, doc.trees, bySubject);
  out.steps = out.jobs.flatMap((j) => j.steps).sort((a, b) => a.range.start.offset - b.range.start.offset);
  return out;
}
