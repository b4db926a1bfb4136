/**
 * Policy files (config `policies.definitions`) read through the Host and parsed with
 * positions: every condition keeps the place it is written, for related locations. A file
 * that does not parse is a PARSE001 problem at the parser's position; the other files and
 * the scan go on.
 */
import path from 'node:path';
import type { Host } from '../../core/host.js';
import { fileStart, type Location } from '../../core/source.js';
import { nodeToValue, parseJsonc } from '../../parse/json/index.js';
import { readPolicyDocument, unescapeTemplateDocument, type InitiativeDefinition, type PolicyDefinition } from './definition.js';

export interface PolicyLoadProblem {
  kind: 'parse' | 'read' | 'shape';
  message: string;
  location: Location;
}

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
      if (p && p.kind !== 'outside' && p.kind !== 'not-regular') out.problems.push({ kind: 'read', message: `cannot read the policy file: ${p.message}`, location: fileStart(file) });
      else if (p) out.problems.push({ kind: 'read', message: `the policy file is not read: ${p.message}`, location: fileStart(file) });
      continue;
    }
    // Policy definitions written as code (Bicep, Terraform) are resources of the scan, read with
    // `policies.fromScannedCode`; a JSON error about their first character would not say so.
    const code = /\.(bicep|tf)$/i.exec(file)?.[1]?.toLowerCase();
    if (code) {
      out.problems.push({
        kind: 'shape',
        message: `not a policy definition file: policies.definitions reads JSON definitions; a ${code === 'tf' ? 'Terraform' : 'Bicep'} file's policy resources are read with policies.fromScannedCode when the file is scanned`,
        location: fileStart(file),
      });
      continue;
    }
    const parsed = parseJsonc(text, file);
    if (parsed.errors.length || !parsed.root) {
      const e = parsed.errors[0];
      out.problems.push({
        kind: 'parse',
        message: `invalid JSON in the policy definition: ${e?.message ?? 'the file is empty'}`,
        location: e ? { file, range: e.range } : fileStart(file),
      });
      continue;
    }
    const doc = unescapeTemplateDocument(nodeToValue(parsed, parsed.root));
    const read = readPolicyDocument(doc, path.basename(file).replace(/\.jsonc?$/i, ''), fileStart(file), 'config');
    if (read.kind === 'definition') out.definitions.push(read.definition);
    else if (read.kind === 'initiative') out.initiatives.push(read.initiative);
    else {
      // An ARM template that deploys definitions: its resources are evaluated with the template (fromScannedCode).
      const template = doc.kind === 'object' && [...doc.entries.keys()].some((k) => k.toLowerCase() === 'resources');
      const why = template ? 'an ARM template; its Microsoft.Authorization/policyDefinitions resources are read with policies.fromScannedCode when the template is scanned' : read.reason;
      out.problems.push({ kind: 'shape', message: `not a policy definition: ${why}`, location: doc.origin ?? fileStart(file) });
    }
  }
  return out;
}
