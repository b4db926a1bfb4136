import path from 'node:path';
import { defineRule } from '../../src/engine/define-rule.js';
import type { ScannedFile } from '../../src/engine/types.js';
import type { InputDecl, Resource } from '../../src/model/resource.js';
import type { Location } from '../../src/core/source.js';
import type { Value } from '../../src/core/value.js';
import { displayName, sameRange } from '../../src/engine/facts.js';
import { isInlineElement } from '../../src/model/normalize.js';
import { isKeyVaultPermission, isKeyVaultReference, isTemplateSkeletonValue, KEY_VAULT_SECRET_DATA_SOURCE } from '../../src/model/facts/secrets.js';

type MessageId =
  | 'inputDefault'
  | 'inputAssigned'
  | 'inputDefaultKey'
  | 'inputAssignedKey'
  | 'attribute'
  | 'varFile'
  | 'varFileKey'
  | 'armParameterTypedString'
  | 'bicepParameterTypedString';

/** Name terms that make a name look secret, as token sequences (RULES.md SEC001). */
const TERMS: string[][] = [
  ['password'], ['passwords'], ['passwd'], ['secret'], ['secrets'],
  ['client', 'secret'], ['access', 'key'], ['connection', 'string'], ['sas', 'token'], ['api', 'key'],
  // The same terms written as one lower-case word.
  ['clientsecret'], ['accesskey'], ['connectionstring'], ['sastoken'], ['apikey'],
];
/** Tokens that may follow a secret term and still name the secret itself (`password_value`). */
const SECRET_SUFFIX = new Set(['value', 'text', 'plain', 'plaintext', 'literal', 'raw', 'b64', 'base64', 'encoded']);

/** Splits `adminPassword`, `client_secret`, `SAS-Token`, `APIKey` into lower-case tokens. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether a name looks like it holds a secret: a secret term (or a token ending in
 * `password`/`secret`, as in `dbpassword`) followed only by value-like suffixes.
 * `secret_name`, `key_vault_secret_id`, `password_length`, `secret_permissions`,
 * `disable_password_authentication` do not.
 */
export function looksSecret(name: string): boolean {
  const t = nameTokens(name);
  let end = -1;
  for (let i = 0; i < t.length; i++) {
    if (/(password|passwd|secret)s?$/.test(t[i]!)) end = Math.max(end, i);
    for (const term of TERMS) {
      if (term.every((w, j) => t[i + j] === w)) end = Math.max(end, i + term.length - 1);
    }
  }
  if (end < 0) return false;
  return t.slice(end + 1).every((x) => SECRET_SUFFIX.has(x));
}

/** Obvious placeholders and references that are not secrets (RULES.md SEC001). */
const PLACEHOLDER =
  /^(?:change[-_ .]?me|replace[-_ .]?me|replace[-_ .]?this|set[-_ .]?me|todo|tbd|fixme|placeholder|redacted|dummy|none|null|nil|undefined|n\/a|your[-_ ].*|<[^>]*>|\{\{.*\}\}|#\{.*\}#|__[A-Za-z0-9_]+__|\$\(.*\)|\*+|x{3,}|\.{3,}|-+)$/i;

/** A map whose name says it holds names or ids (`launchpad_key_names`): its values name secrets, they are not secrets. */
export function namesMap(parentKey: string | undefined): boolean {
  if (!parentKey) return false;
  const t = nameTokens(parentKey);
  return t.length > 0 && ['name', 'names', 'id', 'ids'].includes(t[t.length - 1]!);
}

/**
 * A connection string with no credential in it (`Server=db;Integrated Security=SSPI`,
 * `Host=x;Database=y;UID=z`) holds no secret: only one with a password, key, signature or
 * token component does.
 */
export function isCredentialFree(name: string, value: string): boolean {
  const t = nameTokens(name).join('');
  if (!t.includes('connectionstring') || !/[=;]/.test(value)) return false;
  return !/(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey|sharedaccesssignature|sig|secret|token|key)\s*=/i.test(value);
}

export function isPermissionList(v: Value): boolean {
  return v.kind === 'list' && v.items.length > 0 && v.items.every((i) => i.kind === 'string' && isKeyVaultPermission(i.value));
}

export function isPlaceholder(s: string): boolean {
  const t = s.trim();
  if (t === '') return true;
  if (PLACEHOLDER.test(t) || isTemplateSkeletonValue(t)) return true;
  if (/\$\{[^}]*\}/.test(t)) return true; // a `${…}` reference left in the text
  if (isKeyVaultReference(t)) return true; // App Service / Functions Key Vault reference, a Key Vault secret URI
  if (/^\[[\s\S]*\]$/.test(t)) return true; // an ARM template expression
  return false;
}

const FIX = 'rotate the secret and pass it at deploy time from Key Vault or a secure parameter';

export default defineRule({
  meta: {
    id: 'SEC001',
    name: 'hardcoded-secret',
    shortDescription: 'Secret written as a literal in infrastructure code, or a secret parameter not typed securestring.',
    fullDescription:
      'A password, client secret, access key, SAS token or connection string written in a .tf file, a variable default, a .tfvars file, an ARM parameter default or a parameter file is in the Git history of every clone and fork for good, in CI logs, in plan files and in the Terraform state. Anyone with read access to the repository gets the credential; rotating it means finding every copy. ARM/Bicep parameters with secret names typed `string` are additionally logged in the deployment history in plain text.',
    help: `Remove the literal and rotate the credential. Pass the value at deploy time from Key Vault (a \`data "${KEY_VAULT_SECRET_DATA_SOURCE}"\`, an ARM parameter-file Key Vault reference), generate it (\`random_password\`), or use a managed identity; type ARM/Bicep secret parameters as \`securestring\` / \`@secure()\`.`,
    level: 'error',
    tags: ['security', 'secrets'],
    securitySeverity: 9.0,
    messages: {
      inputDefault: `The default of {{declared}} "{{input}}" holds a literal secret (value not shown); remove the default, ${FIX}.`,
      inputAssigned: `The value assigned to {{declared}} "{{input}}" holds a literal secret (value not shown); remove it, ${FIX}.`,
      inputDefaultKey: `Key "{{key}}" in the default of {{declared}} "{{input}}" holds a literal secret (value not shown); remove it from the default, ${FIX}.`,
      inputAssignedKey: `Key "{{key}}" in the value assigned to {{declared}} "{{input}}" holds a literal secret (value not shown); remove it, ${FIX}.`,
      attribute: `"{{key}}" of "{{name}}" holds a literal secret (value not shown); remove the literal, ${FIX}.`,
      varFile: `"{{key}}" in {{file}} holds a literal secret (value not shown); remove it from the file, ${FIX}.`,
      varFileKey: `Key "{{key}}" of "{{input}}" in {{file}} holds a literal secret (value not shown); remove it from the file, ${FIX}.`,
      armParameterTypedString: 'Parameter "{{input}}" looks like a secret but is typed string, so its value is logged in the deployment history; declare it as securestring.',
      bicepParameterTypedString: 'Parameter "{{input}}" looks like a secret but is typed string, so its value is logged in the deployment history; add @secure() to its declaration.',
    } satisfies Record<MessageId, string>,
  },
  create(ctx) {
    const seen = new Set<string>();
    const once = (l: Location): boolean => {
      const key = `${l.file}:${l.range.start.offset}:${l.range.end.offset}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    interface Holder {
      messageId: MessageId;
      data: Record<string, string>;
      at?: Location;
      resource?: Resource;
      subject?: string;
      related?: Location[];
    }
    /** Reports a literal secret `v` held by `name`; never prints the value. */
    const literal = (name: string, v: Value, h: Holder): void => {
      if (v.kind !== 'string' || isPlaceholder(v.value)) return;
      const location = v.origin ?? h.at;
      if (!location || !once(location)) return;
      const related = [...(v.via ?? []), ...(h.related ?? [])].filter((l) => !sameRange(l, location));
      ctx.report({ resource: h.resource, subject: h.subject, attributePath: name, location, related, messageId: h.messageId, data: { ...h.data, key: name } });
    };
    /**
     * Strings (or lists of strings) directly under a secret-looking key; recurses into
     * objects and lists. Key Vault access-policy permission lists (`permissions.secrets:
     * ["get", "list"]`) name operations, not secrets.
     */
    const walk = (key: string | undefined, v: Value, onSecret: (name: string, s: Value) => void, parentKey?: string): void => {
      if (key !== undefined && looksSecret(key) && parentKey?.toLowerCase() !== 'permissions' && !namesMap(parentKey)) {
        if (v.kind === 'string') return isCredentialFree(key, v.value) ? undefined : onSecret(key, v);
        if (v.kind === 'list' && !isPermissionList(v)) for (const i of v.items) if (i.kind === 'string') onSecret(key, i);
      }
      if (v.kind === 'object') for (const [k, e] of v.entries) walk(k, e, onSecret, key);
      else if (v.kind === 'list') for (const i of v.items) if (i.kind === 'object' || i.kind === 'list') walk(undefined, i, onSecret);
    };
    const input = (d: InputDecl): void => {
      const declared = d.kind === 'tf-variable' ? 'variable' : 'parameter';
      const subject = `${d.kind}:${d.header.file}:${d.name}`;
      const related = [{ ...d.header, label: `${declared} "${d.name}"` }];
      const data = { declared, input: d.name };
      const values = [
        [d.defaultValue, 'inputDefault', 'inputDefaultKey'],
        [d.assigned, 'inputAssigned', 'inputAssignedKey'],
      ] as const;
      for (const [v, whole, key] of values) {
        if (!v) continue;
        if (looksSecret(d.name)) {
          if (!(v.kind === 'string' && isCredentialFree(d.name, v.value))) literal(d.name, v, { messageId: whole, data, subject, related });
        } else walk(d.name, v, (name, s) => literal(name, s, { messageId: key, data, subject, related }));
      }
      if (d.kind !== 'tf-variable' && looksSecret(d.name) && !d.secure && d.type?.trim().toLowerCase() === 'string' && once(d.header)) {
        ctx.report({
          subject,
          attributePath: `${d.name}.type`,
          location: d.header,
          messageId: d.kind === 'bicep-param' ? 'bicepParameterTypedString' : 'armParameterTypedString',
          data: { input: d.name },
        });
      }
    };
    /** The values of a `.tfvars` / `.tfvars.json` file, as the front end read them. */
    const varFile = (file: ScannedFile): void => {
      const where = path.basename(file.path);
      for (const [name, v] of file.varValues ?? []) {
        const subject = `tfvars:${file.path}:${name}`;
        if (looksSecret(name)) walk(name, v, (n, s) => literal(n, s, { messageId: 'varFile', data: { file: where }, subject }));
        else walk(name, v, (n, s) => literal(n, s, { messageId: 'varFileKey', data: { file: where, input: name }, subject }));
      }
    };
    return {
      graph(g) {
        // Inputs first: a secret written as a parameter/variable default and used by a
        // resource is reported once, in the words of the declaration that holds it.
        for (const d of g.evaluation.inputs) input(d);
        for (const r of g.resources) {
          if (isInlineElement(r)) continue; // inline elements are part of their parent's body
          if (!r.body) continue;
          walk(undefined, r.body, (name, s) =>
            literal(name, s, { messageId: 'attribute', data: { name: displayName(r) }, at: r.header, resource: r, related: [{ ...r.header, label: r.address }] }),
          );
        }
      },
      file(f) {
        if (f.kind === 'tfvars' || f.kind === 'tfvars-json') varFile(f);
      },
    };
  },
});
