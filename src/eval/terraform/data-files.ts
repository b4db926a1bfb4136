/**
 * Data files read by a configuration: `yamldecode(file("${path.module}/pools.yaml"))` and
 * `jsondecode(file(…))`, the config-driven node pools and clusters of many repositories. The
 * content becomes values located in the data file, so a finding points at the YAML/JSON line
 * that wrote the value. Only files inside the scan root are read (through the project's
 * reader, so `--cache` records them); a relative path is relative to the root module's folder
 * (Terraform's working directory). Anything unreadable stays unknown.
 */
import path from 'node:path';
import { str, unknown, type Value } from '../../core/value.js';
import { fileStart, type Location } from '../../core/source.js';
import type { parseYamlFile, parseYamlPart } from '../../parse/yaml/document.js';
import type { yamlValue } from '../azureml-yaml/document.js';
import { nodeToValue, parseJsonc, strictJsonError } from '../../parse/json/index.js';
import { templateFileYaml, withInterpolations, type DecodedHeredoc, type InterpolationValue } from './heredoc-yaml.js';

export interface DataFileInput {
  /** The scan root: nothing outside it is read. */
  root: string;
  /** The root module's folder (Terraform's working directory). */
  workingDir: string;
  readText(file: string): string | undefined;
  /** Told each data file decoded (the front end reads its comments for inline suppressions). */
  onRead?(file: string, kind: 'yaml' | 'json'): void;
}

/**
 * The YAML reader (the `yaml` library behind it), imported only for a run whose Terraform decodes
 * YAML (`FrontEnd.beforeUnits`): a `.tf` run without `yamldecode` loads no YAML code (start-up).
 */
export interface YamlReader {
  parseYamlFile: typeof parseYamlFile;
  parseYamlPart: typeof parseYamlPart;
  yamlValue: typeof yamlValue;
}
let yamlReader: YamlReader | undefined;

export async function loadYamlReader(): Promise<void> {
  if (yamlReader) return;
  const [document, aml] = await Promise.all([import('../../parse/yaml/document.js'), import('../azureml-yaml/document.js')]);
  yamlReader = { parseYamlFile: document.parseYamlFile, parseYamlPart: document.parseYamlPart, yamlValue: aml.yamlValue };
}

/** The YAML reader once `loadYamlReader` has imported it. */
export function loadedYamlReader(): YamlReader | undefined {
  return yamlReader;
}

/**
 * Reads a data file of a kind (`dataFileReader`): undefined when it is outside the scan root. A
 * template's scalars that are one interpolation each are what `valueOf` knows of their
 * expressions (`templatefile`'s variables: heredoc-yaml.ts `withInterpolations`).
 */
export type DataFileRead = (kind: 'yaml' | 'json' | 'text' | 'template', file: string, at: Location, valueOf?: InterpolationValue) => Value | undefined;

/**
 * The reader a module instance calls for `yamldecode(file(p))` / `jsondecode(file(p))`, and for
 * a bare `file(p)` of a JSON document (`text`: the file's text as Terraform's `file()` returns
 * it, `policy_rule = file("rules/deny.json")`, `body = file("acr.json")`). The text of a valid
 * JSON document is located in that file (the document's range: a finding about the whole text,
 * a secret, points there) and carries the document decoded with its positions (`document`),
 * which whatever decodes the text reads; text that is not strict JSON is located at the call.
 */
export function dataFileReader(input: DataFileInput): DataFileRead {
  const cache = new Map<string, Value | undefined>();
  // A template's document, decoded once; each call fills in its own variables.
  const templates = new Map<string, DecodedHeredoc | undefined>();
  // Per file: its text, and the text as a value located in the file when it is a JSON document
  // (a text that is none is located at each call, so only the text is kept for it).
  const texts = new Map<string, { text: string; document?: Value } | undefined>();
  return (kind, file, at, valueOf) => {
    const abs = path.resolve(input.workingDir, file);
    const rel = path.relative(input.root, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    if (kind === 'text') {
      if (!texts.has(abs)) {
        const text = input.readText(abs);
        const document = text === undefined ? undefined : locatedDocument(abs, text);
        if (document) input.onRead?.(abs, 'json');
        texts.set(abs, text === undefined ? undefined : { text, document });
      }
      const read = texts.get(abs);
      if (!read) return unknown(`file("${file}"): the file cannot be read`, at);
      return read.document ? { ...str(read.text, read.document.origin), document: read.document } : str(read.text, at);
    }
    if (kind === 'template') {
      // A template file decoded as YAML (`templatefile("job.yaml.tftpl", {…})` as a kubectl_manifest's yaml_body).
      if (!templates.has(abs)) {
        const text = input.readText(abs);
        const d = text === undefined || !yamlReader ? undefined : templateFileYaml(yamlReader, text, abs, fileStart(abs));
        templates.set(abs, d);
        // (A template's comments suppress only what a document it decodes to can make.)
        if (d && d.value.kind !== 'unknown') input.onRead?.(abs, 'yaml');
      }
      const d = templates.get(abs);
      if (d) return valueOf ? withInterpolations(d, valueOf) : d.value;
      return unknown(`templatefile("${rel}"): the file cannot be read or is not one YAML document`, at);
    }
    const key = `${kind}\u0000${abs}`;
    if (!cache.has(key)) {
      const decoded = decode(kind, abs, input.readText(abs));
      cache.set(key, decoded);
      if (decoded) input.onRead?.(abs, kind === 'json' ? 'json' : 'yaml');
    }
    const v = cache.get(key);
    if (v) return v;
    return unknown(`${rel} is not one ${kind === 'yaml' ? 'YAML' : 'JSON'} document, or cannot be read`, at);
  };
}

/** A strict JSON document (what `jsondecode` accepts) with every value located in its file; undefined otherwise. */
function locatedDocument(file: string, text: string): Value | undefined {
  const parsed = parseJsonc(text, file);
  if (!parsed.root || parsed.errors.length > 0 || strictJsonError(parsed)) return undefined;
  return nodeToValue(parsed, parsed.root);
}

function decode(kind: 'yaml' | 'json', file: string, text: string | undefined): Value | undefined {
  if (text === undefined) return undefined;
  if (kind === 'json') {
    // A top-level object (the common shape), located member by member; anything else stays unknown.
    // The same located reading as a bare file()'s document (keys where they are written included).
    const document = /^\s*\{/.test(text) ? locatedDocument(file, text) : undefined;
    return document ? { ...document, origin: fileStart(file) } : undefined;
  }
  // Not imported: the unit's files did not say `yamldecode` (a module copy outside them): unknown.
  const reader = yamlReader;
  if (!reader) return undefined;
  const parsed = reader.parseYamlFile(text);
  // One document (Terraform's yamldecode rejects several); errors leave it unknown.
  if (parsed.errors.length || parsed.documents.length !== 1) return undefined;
  return reader.yamlValue(file, parsed.documents[0]!);
}
