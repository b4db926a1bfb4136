/**
 * Policy files (config `policies.definitions`) read through the Host and parsed with
 * positions: every condition keeps the place it is written, for related locations. A file
 * that does not parse is a PARSE001 problem at the parser's position; the other files and
 * the scan go on.
 */
import path from 'node:path';
import type { Host } from '../../core/host.js';
import { fileStart, type Location } from '../../core/source.js';
import type { Value } from '../../core/value.js';
import { nodeToValue, parseJsonc } from '../../parse/json/index.js';
import { NEITHER_SHAPE, readPolicyDocument, unescapeTemplateDocument, type InitiativeDefinition, type PolicyDefinition } from './definition.js';

export interface PolicyLoadProblem {
  kind: 'parse' | 'read' | 'shape';
  message: string;
  location: Location;
  /**
   * What the problem leaves unread may hold a definition or initiative (a broken JSON file, a
   * template or code file that names a definition type, a file not read): a `policies.parameters`
   * key naming none of those read may name it. False for a file that cannot hold one (a
   * README a glob matched, an element that is not a definition).
   */
  mayHide: boolean;
}

/**
 * Text that may write a policy definition or initiative: a definition's or initiative's member,
 * or a type or resource that deploys one (ARM, Bicep, Terraform). A superset, read on the text:
 * a file without any of these words holds no definition, however it is broken.
 */
const MENTIONS_POLICY = /policyRule|policy_rule|policyDefinitions|policy_definition|policySetDefinitions|policy_set_definition/i;

export interface LoadedPolicies {
  definitions: PolicyDefinition[];
  initiatives: InitiativeDefinition[];
  problems: PolicyLoadProblem[];
}

export function loadPolicyFiles(host: Host, files: readonly string[]): LoadedPolicies {
  const out: LoadedPolicies = { definitions: [], initiatives: [], problems: [] };
  for (const file of files) {
    const text = host.readText(file);
    if (text === undefined) {
      const p = host.problemOf(file);
      if (p && p.kind !== 'outside' && p.kind !== 'not-regular') out.problems.push({ kind: 'read', message: `cannot read the policy file: ${p.message}`, location: fileStart(file), mayHide: true });
      else if (p) out.problems.push({ kind: 'read', message: `the policy file is not read: ${p.message}`, location: fileStart(file), mayHide: true });
      continue;
    }
    // Policy definitions written as code (Bicep, Terraform) are resources of the scan, read with
    // `policies.fromScannedCode`; a JSON error about their first character would not say so.
    const mentions = MENTIONS_POLICY.test(text);
    const code = /\.(bicep|tf)$/i.exec(file)?.[1]?.toLowerCase();
    if (code) {
      out.problems.push({
        kind: 'shape',
        message: `not a policy definition file: policies.definitions reads JSON definitions; a ${code === 'tf' ? 'Terraform' : 'Bicep'} file's policy resources are read with policies.fromScannedCode when the file is scanned`,
        location: fileStart(file),
        mayHide: mentions,
      });
      continue;
    }
    const parsed = parseJsonc(text, file);
    if (parsed.errors.length || !parsed.root) {
      const e = parsed.errors[0];
      // A file of another format the glob matched (a README beside the definitions): not a
      // broken definition, and it holds none.
      if (!/\.jsonc?$/i.test(file) && !mentions) {
        out.problems.push({ kind: 'shape', message: `not a policy definition file: policies.definitions reads JSON definitions, and this file is not JSON${e ? ` (line ${e.range.start.line}: ${e.message})` : ''}; narrow the glob to *.json`, location: fileStart(file), mayHide: false });
        continue;
      }
      out.problems.push({
        kind: 'parse',
        message: `invalid JSON in the policy definition: ${e?.message ?? 'the file is empty'}`,
        location: e ? { file, range: e.range } : fileStart(file),
        mayHide: true,
      });
      continue;
    }
    const doc = unescapeTemplateDocument(nodeToValue(parsed, parsed.root));
    const name = path.basename(file).replace(/\.jsonc?$/i, '');
    // An array of definitions and initiatives: the output of `az policy definition list` (and
    // `az policy set-definition list`), each element read as its own document, located at it.
    if (doc.kind === 'list') {
      if (doc.items.length === 0) out.problems.push({ kind: 'shape', message: `no policy definition: the file holds an empty array; ${SHAPES_READ}`, location: doc.origin ?? fileStart(file), mayHide: false });
      doc.items.forEach((item, i) => readDocument(item, `${name}[${i}]`, doc.origin ?? fileStart(file), `element [${i}]`, mentions, out));
    } else readDocument(doc, name, fileStart(file), 'the document', mentions, out);
  }
  return out;
}

/** The shapes a policy file may hold, for the note about one that holds none of them. */
const SHAPES_READ = 'policies.definitions reads a policy definition (policyRule at the top or under properties), an initiative (properties.policyDefinitions), or a JSON array of them (the output of az policy definition list)';

/**
 * One document of a policy file (the file's, or an element of its array): a definition, an
 * initiative, or a note saying why it is neither. `mentions`: the file's text may write a
 * definition (`MENTIONS_POLICY`), for an ARM template's.
 */
function readDocument(doc: Value, fallbackName: string, at: Location, what: string, mentions: boolean, out: LoadedPolicies): void {
  const location = doc.origin ?? at;
  if (doc.kind !== 'object') {
    out.problems.push({ kind: 'shape', message: `not a policy definition: ${what} is ${KIND_WORDS[doc.kind]}; ${SHAPES_READ}`, location, mayHide: false });
    return;
  }
  const read = readPolicyDocument(doc, fallbackName, location, 'config');
  if (read.kind === 'definition') out.definitions.push(read.definition);
  else if (read.kind === 'initiative') out.initiatives.push(read.initiative);
  else {
    // An ARM template that deploys definitions: its resources are evaluated with the template (fromScannedCode).
    const template = [...doc.entries.keys()].some((k) => k.toLowerCase() === 'resources');
    const why = template
      ? 'an ARM template; its Microsoft.Authorization/policyDefinitions resources are read with policies.fromScannedCode when the template is scanned'
      : read.reason === NEITHER_SHAPE
        ? `${what} has no policyRule and no properties.policyDefinitions; ${SHAPES_READ}`
        : read.reason;
    // A template may deploy definitions (read only with fromScannedCode); a policy rule without
    // "if" or "then" is a definition that is not read; an object of neither shape holds none.
    const mayHide = template ? mentions : read.reason !== NEITHER_SHAPE;
    out.problems.push({ kind: 'shape', message: `not a policy definition: ${why}`, location, mayHide });
  }
}

const KIND_WORDS: Record<Value['kind'], string> = {
  string: 'a string',
  number: 'a number',
  bool: 'a boolean',
  null: 'null',
  list: 'an array',
  object: 'an object',
  unknown: 'not a value',
};
