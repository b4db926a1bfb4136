import path from 'node:path';
import { defineRule } from '../../src/engine/define-rule.js';
import { DECLARATIVE_FORMATS } from '../../src/engine/types.js';
import type { InputFormat, ScannedFile } from '../../src/engine/types.js';
import type { InputDecl, Resource } from '../../src/model/resource.js';
import { locationKey, type Location } from '../../src/core/source.js';
import type { Value } from '../../src/core/value.js';
import { ownString } from '../../src/core/own-strings.js';
import { isTerraformFile, SAMPLE_VAR_FILE } from '../../src/core/file-kind.js';
import { displayName, sameRange } from '../../src/engine/facts.js';
import { isInlineElement } from '../../src/model/normalize.js';
import { withoutInstanceKeys } from '../../src/model/address.js';
import { isKeyVaultPermission, isKeyVaultReference, isTemplateSkeletonValue, KEY_VAULT_SECRET_DATA_SOURCE, SECRET_VALUE_RESOURCES } from '../../src/model/facts/secrets.js';

type MessageId =
  | 'inputDefault'
  | 'secureDefault'
  | 'providerAttribute'
  | 'backendAttribute'
  | 'localValue'
  | 'localValueKey'
  | 'inputAssigned'
  | 'inputDefaultKey'
  | 'inputAssignedKey'
  | 'attribute'
  | 'azuremlAttribute'
  | 'secretResourceValue'
  | 'varFile'
  | 'varFileKey'
  | 'armParameterTypedString'
  | 'bicepParameterTypedString'
  | 'moduleArgument'
  | 'moduleArgumentKey';

/** Name terms that make a name look secret, as token sequences (RULES.md SEC001). */
const TERMS: string[][] = [
  ['password'], ['passwords'], ['passwd'], ['secret'], ['secrets'],
  ['client', 'secret'], ['access', 'key'], ['secret', 'key'], ['connection', 'string'], ['sas', 'token'], ['api', 'key'],
  // The same terms written as one lower-case word.
  ['clientsecret'], ['accesskey'], ['secretkey'], ['connectionstring'], ['sastoken'], ['apikey'],
];
/**
 * Tokens that may follow a secret term and still name the secret itself (`password_value`;
 * `wo`: Terraform write-only arguments, `administrator_password_wo`, kept out of state but
 * still written in the code).
 */
const SECRET_SUFFIX = new Set(['value', 'text', 'plain', 'plaintext', 'literal', 'raw', 'b64', 'base64', 'encoded', 'wo']);

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
  // Every key of every resource body is asked; the same few hundred names recur.
  let known = SECRET_NAME_CACHE.get(name);
  if (known === undefined) {
    known = decideLooksSecret(name);
    // An own copy of the name: a key cut from a file's text would keep the whole text (own-strings.ts).
    if (SECRET_NAME_CACHE.size < 100_000) SECRET_NAME_CACHE.set(ownString(name), known);
  }
  return known;
}

const SECRET_NAME_CACHE = new Map<string, boolean>();

/**
 * A substring every secret-looking name has (lower-cased): each term above has a word containing
 * one. Most names have none (`location`, `sku`, `publisher`: over 90 % of the distinct names in
 * the corpus), and are answered without splitting them into tokens. Tested on the lower-cased
 * name, as the tokens are (each token is a substring of it).
 */
const SECRET_WORD = /passw|secret|key|connection|token/;

function decideLooksSecret(name: string): boolean {
  if (!SECRET_WORD.test(name.toLowerCase())) return false;
  // A number only tells secrets apart (`password_1`, `adminPassword2`, `api_key_2`): its
  // digits are dropped, so the name is judged by its words.
  const t = nameTokens(name)
    .map((x) => x.replace(/\d+$/, ''))
    .filter(Boolean);
  let end = -1;
  for (let i = 0; i < t.length; i++) {
    if (/(password|passwd|secret)s?$/.test(t[i]!)) end = Math.max(end, i);
    for (const term of TERMS) {
      if (term.every((w, j) => t[i + j] === w)) end = Math.max(end, i + term.length - 1);
    }
  }
  if (end < 0) return false;
  const after = t.slice(end + 1);
  // A name of alternatives (`adminPasswordOrKey`: a password, or an SSH key): the secret first,
  // unless a noun after the last one says what all of them are (`secretOrCertificateName`: a name).
  const or = after.indexOf('or');
  if (or >= 0 && ALTERNATIVES_NAMED.has(after[after.length - 1]!)) return false;
  return (or < 0 ? after : after.slice(0, or)).every((x) => SECRET_SUFFIX.has(x));
}

/** Nouns that, after a name of alternatives, name what they are, not a secret (`…OrCertificateName`, `…OrKeyUri`). */
const ALTERNATIVES_NAMED = new Set(['name', 'names', 'id', 'ids', 'uri', 'url', 'path', 'file', 'ref', 'reference', 'version', 'type', 'length']);

/** An OpenSSH public key (`ssh-rsa AAAA…`, `ssh-ed25519 …`, `ecdsa-sha2-nistp256 …`): public by design. */
const SSH_PUBLIC_KEY = /^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]{16,}={0,3}(?: .*)?$/;

/** Obvious placeholders and references that are not secrets (RULES.md SEC001). */
const PLACEHOLDER =
  /^(?:change[-_ .]?me|replace[-_ .]?me|replace[-_ .]?this|set[-_ .]?me|todo|tbd|fixme|placeholder|redacted|dummy|none|null|nil|undefined|n\/a|your[-_ ].*|<[^>]*>|\{\{.*\}\}|#\{.*\}#|__[A-Za-z0-9_]+__|\$\(.*\)|\*+|#{3,}|\.{3,}|-+)$/i;
/** A replace-tokens token in capitals (`%SAS_TOKEN%`, `@@ACCESS_KEY@@`), as `#{…}#` and `__X__` are: filled in at deploy time. */
const TOKEN = /^(?:%[A-Z][A-Z0-9_]*%|@@[A-Z][A-Z0-9_]*@@)$/;
/** `xxx`, `XXXX-XXXX`, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`: at least three x and only separators besides. */
const CROSSED_OUT = /^(?=(?:[^x]*x){3})[x\-_.]+$/i;
/** `value1` … `valueN`: sample values numbered in order. */
const NUMBERED_VALUE = /^value\d+$/i;
/**
 * A capitalised instruction to the reader: two or more upper-case words joined by `-`, `_`
 * or spaces (`SERVER-APP-SECRET-FROM-AZURE-AD`, `YOUR_PASSWORD_HERE`, `REPLACE_ME`). No digits:
 * `AKIAIOSFODNN7EXAMPLE` is a key, not an instruction.
 */
const INSTRUCTION = /^[A-Z]+(?:[-_ ]+[A-Z]+)+$/;
/**
 * A value that only repeats the name it is assigned to (`"accessKey": "accessKey"`), or, for a
 * name of two or more words, that name numbered (`"connectionString": "connectionString1"`,
 * `"secretValue": "secretValue2"`, as `value1` … `valueN`): a stub that says what belongs there,
 * like the bare word `password` for a password. Compared without case or separators. A
 * one-word name numbered (`"password": "Password123"`) or a value with other characters
 * (`"Password1!"`) is a (weak) secret, not a stub.
 */
function echoesName(name: string, value: string): boolean {
  const v = value.trim();
  if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(v)) return false;
  const bare = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const n = bare(name).replace(/\d+$/, '');
  if (n === '') return false;
  if (bare(v) === n) return true;
  return nameTokens(name).length >= 2 && /\d$/.test(v) && bare(v).replace(/\d+$/, '') === n;
}

/** The bare words RULES.md names: a stub that says what belongs there. */
const BARE_WORD = /^(?:password|secret|test)$/i;

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

/**
 * `secret_key` is ambiguous: a credential (an AWS secret access key, an app's SECRET_KEY) or
 * the key that names a secret in a map (`secret_key = "sp1"`, `password_secret_key =
 * "ghcr_password"`: the CAF modules' convention). A name whose last secret term is
 * "secret key" holding a lower-case identifier names a key; a credential is never one.
 */
export function namesKey(name: string, value: string): boolean {
  const t = nameTokens(name);
  const last = t[t.length - 1];
  const secretKey = last === 'secretkey' || (last === 'key' && t[t.length - 2] === 'secret');
  return secretKey && /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/.test(value.trim());
}

/** Names of user names and identifiers, stored beside secrets but not secret themselves. */
const IDENTIFIER_TAIL = new Set(['user', 'username', 'login', 'id', 'name', 'account', 'url', 'uri', 'endpoint']);

/** A name that says it holds a user name or identifier (`AdminUsername`, `client_id`). */
export function namesIdentifier(name: string): boolean {
  const t = nameTokens(name);
  return t.length > 0 && IDENTIFIER_TAIL.has(t[t.length - 1]!) && !looksSecret(name);
}

export function isPermissionList(v: Value): boolean {
  return v.kind === 'list' && v.items.length > 0 && v.items.every((i) => i.kind === 'string' && isKeyVaultPermission(i.value));
}

/**
 * Whether a value is an obvious placeholder or a reference rather than a secret. `bareWords`
 * false: the words `password`, `secret` and `test` count as values (the default of a
 * parameter declared secure is what deploys when nobody passes one; Bicep's own linter rule
 * secure-parameter-default flags every literal default but an empty one).
 */
export function isPlaceholder(s: string, { bareWords = true, armExpressions = true }: { bareWords?: boolean; armExpressions?: boolean } = {}): boolean {
  const t = s.trim();
  if (t === '') return true;
  if (PLACEHOLDER.test(t) || isTemplateSkeletonValue(t)) return true;
  if (CROSSED_OUT.test(t) || NUMBERED_VALUE.test(t) || INSTRUCTION.test(t) || TOKEN.test(t)) return true;
  if (bareWords && BARE_WORD.test(t)) return true;
  if (/\$\{[^}]*\}/.test(t)) return true; // a `${…}` reference left in the text
  if (isKeyVaultReference(t)) return true; // App Service / Functions Key Vault reference, a Key Vault secret URI
  if (SSH_PUBLIC_KEY.test(t)) return true; // a public key (`adminPasswordOrKey` with SSH), meant to be shared
  // An ARM template expression; only JSON holds them (a Bicep or Terraform string in brackets is text).
  if (armExpressions && /^\[[\s\S]*\]$/.test(t)) return true;
  return false;
}

const FIX = 'rotate the secret and pass it at deploy time from Key Vault or a secure parameter';

/**
 * Where literal secrets are read: the declarative formats, and Azure ML YAML (an `ssh_settings`
 * `admin_password` of a compute file: the same literal in the repository, review 125). Not az
 * command arguments (not mapped) nor Kubernetes manifests (not read for secrets).
 */
const SECRET_FORMATS: readonly InputFormat[] = [...DECLARATIVE_FORMATS, 'azureml-yaml'];

/** Words of a path that say a var or parameter file is a sample to copy (RULES.md SEC001). */
const SAMPLE_WORDS = new Set(['sample', 'samples', 'example', 'examples', 'template', 'templates']);

/** Whether a path from the repository's top (`ctx.repositoryPath`) names a sample, example or template in its file name or folders. */
export function isSamplePath(relPath: string): boolean {
  return relPath.split('/').some((segment) => nameTokens(segment).some((w) => SAMPLE_WORDS.has(w)));
}

/** A declared type that says object or array (`object`, `secureObject`, `array`, a Bicep object or array type). */
function isObjectType(type: string | undefined): boolean {
  const t = type?.trim().toLowerCase() ?? '';
  return /^(?:secure)?object$|^array$/.test(t) || t.startsWith('{') || t.startsWith('[') || t.endsWith('[]');
}

/** An object entry by key, case-insensitively (ARM property names are case-insensitive). */
function entry(v: Value, key: string): Value | undefined {
  if (v.kind !== 'object') return undefined;
  // Only a key of the same length can lower-case to an ASCII `key`: most keys are not lower-cased at all.
  for (const [k, e] of v.entries) if (k.length === key.length && k.toLowerCase() === key) return e;
  return undefined;
}

export default defineRule({
  meta: {
    id: 'SEC001',
    name: 'hardcoded-secret',
    // Secrets in az command arguments are not read yet (the azure-cli front end maps no secret flags).
    formats: [...SECRET_FORMATS],
    shortDescription: 'Secret written as a literal in infrastructure code, or a secret parameter not typed securestring.',
    fullDescription:
      'A password, client secret, access key, SAS token or connection string written in a .tf file (a provider or backend block, a local value included), a variable default, a .tfvars file, an ARM parameter default or a parameter file is in the Git history of every clone and fork for good, in CI logs, in plan files and in the Terraform state. Anyone with read access to the repository gets the credential; rotating it means finding every copy. ARM/Bicep parameters with secret names typed `string` are additionally logged in the deployment history in plain text. In a var or parameter file named or filed as a sample, example or template the finding is a warning: such a file is meant to be copied and filled in, but the value in it is still public.',
    help: `Remove the literal and rotate the credential. Pass the value at deploy time from Key Vault (a \`data "${KEY_VAULT_SECRET_DATA_SOURCE}"\`, an ARM parameter-file Key Vault reference), generate it (\`random_password\`), or use a managed identity; type ARM/Bicep secret parameters as \`securestring\` / \`@secure()\` without a default. Provider credentials belong in the provider's environment variables or an OIDC / managed-identity sign-in, never in the provider block.`,
    level: 'error',
    tags: ['security', 'secrets'],
    securitySeverity: 9.0,
    messages: {
      inputDefault: `The default of {{declared}} "{{input}}" holds a literal secret (value not shown); remove the default, ${FIX}.`,
      secureDefault: `The default of secure parameter "{{input}}" is a literal (value not shown), stored in plain text in the template; remove the default, ${FIX}.`,
      inputAssigned: `The value assigned to {{declared}} "{{input}}" holds a literal secret (value not shown); remove it, ${FIX}.`,
      inputDefaultKey: `Key "{{key}}" in the default of {{declared}} "{{input}}" holds a literal secret (value not shown); remove it from the default, ${FIX}.`,
      inputAssignedKey: `Key "{{key}}" in the value assigned to {{declared}} "{{input}}" holds a literal secret (value not shown); remove it, ${FIX}.`,
      attribute: `"{{key}}" of "{{name}}" holds a literal secret (value not shown); remove the literal, ${FIX}.`,
      azuremlAttribute: '"{{key}}" of "{{name}}" holds a literal secret (value not shown); remove the literal, rotate the secret and read it at deploy time from Key Vault or a CI secret (az ml … --set with a variable).',
      secretResourceValue:
        '"{{attribute}}" of {{type}} "{{name}}" is a literal secret (value not shown), kept {{kept}}; {{fix}}, and rotate it.',
      providerAttribute: '"{{key}}" of provider "{{provider}}" holds a literal credential (value not shown); remove it, rotate it, and let the provider read it from its environment variable or sign in with OIDC or a managed identity.',
      localValue: `Local value "{{input}}" holds a literal secret (value not shown); remove the literal, ${FIX}.`,
      localValueKey: `Key "{{key}}" in local value "{{input}}" holds a literal secret (value not shown); remove the literal, ${FIX}.`,
      backendAttribute: '"{{key}}" of backend "{{backend}}" holds a literal credential (value not shown); remove it, rotate it, and give it to terraform init from the environment or -backend-config, or sign in with OIDC or a managed identity.',
      varFile: `"{{key}}" in {{file}} holds a literal secret (value not shown); remove it from the file, ${FIX}.`,
      varFileKey: `Key "{{key}}" of "{{input}}" in {{file}} holds a literal secret (value not shown); remove it from the file, ${FIX}.`,
      moduleArgument: `The value passed as "{{input}}" to module "{{module}}" ({{how}}) holds a literal secret (value not shown); remove it, ${FIX}.`,
      moduleArgumentKey: `Key "{{key}}" in the value passed as "{{input}}" to module "{{module}}" ({{how}}) holds a literal secret (value not shown); remove it, ${FIX}.`,
      armParameterTypedString: 'Parameter "{{input}}" looks like a secret but is typed string, so its value is logged in the deployment history; declare it as securestring.',
      bicepParameterTypedString: 'Parameter "{{input}}" looks like a secret but is typed string, so its value is logged in the deployment history; add @secure() to its declaration.',
    } satisfies Record<MessageId, string>,
  },
  create(ctx) {
    /** Every place reported so far: a var file read on its own skips what an evaluation reported. */
    const seenAnywhere = new Set<string>();
    /**
     * While an evaluation (one variant) is read, the places it reported: a secret reached twice
     * in it (a default and the resource that reads it) is one finding. Each variant reports its
     * own, so the engine merges them with every variant listed and keeps the most
     * production-like variant's fingerprint (RULES.md "Variants"; a baseline written with only
     * prod.tfvars still matches once dev.tfvars is added).
     */
    let seenInGraph: Set<string> | undefined;
    const once = (l: Location): boolean => {
      const key = locationKey(l);
      const seen = seenInGraph ?? seenAnywhere;
      if (seen.has(key)) return false;
      seen.add(key);
      seenAnywhere.add(key);
      return true;
    };
    /** The parameter file of the evaluation being read (ARM: a `.json` that is not recognisable by its name). */
    let variantFile: string | undefined;
    /** A var or parameter file: `.tfvars`, `.tfvars.json`, `.bicepparam`, or the evaluation's parameter file. */
    const isVarOrParameterFile = (file: string): boolean => /\.(?:tfvars|tfvars\.json|bicepparam)$|(?:^|[\\/])terragrunt\.hcl$/i.test(file) || SAMPLE_VAR_FILE.test(file) || file === variantFile;
    interface Holder {
      messageId: MessageId;
      data: Record<string, string>;
      at?: Location;
      resource?: Resource;
      subject?: string;
      related?: Location[];
      /** The bare words `password`, `secret`, `test` are values here, not placeholders (a secure parameter's default). */
      strict?: boolean;
      /** Read in a block with no instance in this evaluation (`count = 0`): the finding yields to one a deployed instance makes (review 131). */
      inert?: true;
      /** Only a literal written here counts: one that came through a variable or local is reported at its declaration (a resource with no instance). */
      writtenHere?: true;
    }
    /** Reports a literal secret `v` held by `name`; never prints the value. */
    const literal = (name: string, v: Value, h: Holder): void => {
      const armExpressions = v.origin === undefined || /\.jsonc?$/i.test(v.origin.file);
      if (v.kind !== 'string' || isPlaceholder(v.value, { bareWords: !h.strict, armExpressions }) || (!h.strict && echoesName(name, v.value))) return;
      if (h.writtenHere && v.via !== undefined && v.via.length > 0) return;
      const location = v.origin ?? h.at;
      if (!location || !once(location)) return;
      const related = [...(v.via ?? []), ...(h.related ?? [])].filter((l) => !sameRange(l, location));
      // A sample, example or template var/parameter file is there to be copied and filled in: a warning.
      const sample = isVarOrParameterFile(location.file) && isSamplePath(ctx.repositoryPath(location.file));
      ctx.report({
        resource: h.resource,
        subject: h.subject,
        attributePath: name,
        location,
        related,
        messageId: h.messageId,
        data: { ...h.data, key: name },
        ...(sample ? { level: 'warning' as const } : {}),
        ...(h.inert ? { inert: true as const } : {}),
      });
    };
    /**
     * Strings (or lists of strings) directly under a secret-looking key; recurses into
     * objects and lists. Key Vault access-policy permission lists (`permissions.secrets:
     * ["get", "list"]`) name operations, not secrets. A name/value pair (`env { name =
     * "DB_PASSWORD", value = "…" }`, `secret { name = "acr", value = "…" }`, ARM
     * `appSettings`/`secrets` entries) holds a secret in `value` when its name looks secret
     * or the pair sits under a secret-looking key.
     */
    const walk = (key: string | undefined, v: Value, onSecret: (name: string, s: Value) => void, parentKey?: string): void => {
      visit(key, v, onSecret, parentKey, new Map());
    };
    /**
     * One step of `walk`. Values share structure (a variable used twice is one object), so a
     * container met again under the same key and parent key is not walked again: what it holds
     * was reported the first time (a value doubled at forty variables has 2^40 paths, 80 objects).
     */
    const visit = (key: string | undefined, v: Value, onSecret: (name: string, s: Value) => void, parentKey: string | undefined, seen: Map<Value, Set<string>>): void => {
      if (v.kind === 'object' || v.kind === 'list') {
        const where = `${key ?? ''}\u0000${parentKey ?? ''}`;
        const met = seen.get(v);
        if (met?.has(where)) return;
        if (met) met.add(where);
        else seen.set(v, new Set([where]));
      }
      if (key !== undefined && looksSecret(key) && parentKey?.toLowerCase() !== 'permissions' && !namesMap(parentKey)) {
        if (v.kind === 'string') return isCredentialFree(key, v.value) || namesKey(key, v.value) ? undefined : onSecret(key, v);
        if (v.kind === 'list' && !isPermissionList(v)) for (const i of v.items) if (i.kind === 'string' && !namesKey(key, i.value)) onSecret(key, i);
      }
      if (v.kind === 'object') {
        const name = entry(v, 'name');
        // Looked up only for a string name: most objects have no name, and each lookup scans every key.
        // `value_wo`: the write-only value of azurerm_key_vault_secret (azurerm 4.x, Terraform 1.11+).
        const value = name?.kind === 'string' ? (entry(v, 'value') ?? entry(v, 'value_wo')) : undefined;
        const container = key ?? parentKey;
        if (name?.kind === 'string' && value?.kind === 'string') {
          const byName = looksSecret(name.value);
          // Under `secrets`/`secret`, every pair is a secret but one whose name says it is an identifier (`AdminUsername`).
          const byContainer = container !== undefined && looksSecret(container) && !namesIdentifier(name.value);
          const credentialFree = isCredentialFree(name.value, value.value) || (container !== undefined && isCredentialFree(container, value.value));
          if ((byName || byContainer) && !credentialFree && !namesKey(name.value, value.value)) onSecret(name.value, value);
        }
        v.entries.forEach((e, k) => visit(k, e, onSecret, key, seen));
      } else if (v.kind === 'list') {
        for (const i of v.items) if (i.kind === 'object' || i.kind === 'list') visit(undefined, i, onSecret, key, seen);
      } else if (v.kind === 'string' && v.document && isTerraformFile(v.document.origin?.file ?? '')) {
        // `protected_settings = jsonencode({ password = "…" })`: the encoded value, written in the
        // Terraform code, is walked as the object it is (self-review 73: it was one opaque string).
        // A JSON file's text read with file() is that file's, linted as its own if at all.
        visit(key, v.document, onSecret, parentKey, seen);
      }
    };
    const input = (d: InputDecl, inert?: true): void => {
      const declared = d.kind === 'tf-variable' ? 'variable' : 'parameter';
      const subject = `${d.kind}:${d.header.file}:${d.name}`;
      const related = [{ ...d.header, label: `${declared} "${d.name}"` }];
      const data = { declared, input: d.name };
      const of = inert ? { inert } : {};
      // RULES.md: a parameter used as an object (object type, or read by property) is not a secret; its keys may hold some.
      const objectLike = d.kind !== 'tf-variable' && (d.readByMember === true || isObjectType(d.type));
      // A secure ARM/Bicep parameter says it holds a secret, whatever its name.
      const secureParam = d.kind !== 'tf-variable' && d.secure === true && !objectLike;
      const values = [
        [d.defaultValue, 'inputDefault', 'inputDefaultKey', true],
        [d.assigned, 'inputAssigned', 'inputAssignedKey', false],
      ] as const;
      for (const [v, whole, key, isDefault] of values) {
        if (!v) continue;
        const strict = secureParam && isDefault;
        if (looksSecret(d.name) && !objectLike) {
          if (!(v.kind === 'string' && isCredentialFree(d.name, v.value))) literal(d.name, v, { messageId: whole, data, subject, related, strict, ...of });
        } else if (strict) literal(d.name, v, { messageId: 'secureDefault', data, subject, related, strict, ...of });
        else walk(objectLike ? undefined : d.name, v, (name, s) => literal(name, s, { messageId: key, data, subject, related, ...of }));
      }
      if (d.kind !== 'tf-variable' && !objectLike && looksSecret(d.name) && !d.secure && d.type?.trim().toLowerCase() === 'string' && once(d.header)) {
        ctx.report({
          subject,
          attributePath: `${d.name}.type`,
          location: d.header,
          messageId: d.kind === 'bicep-param' ? 'bicepParameterTypedString' : 'armParameterTypedString',
          data: { input: d.name },
        });
      }
    };
    /** The values of a var or parameter file that are not an input's (`.tfvars`: all of them), as the front end read them. */
    const fileValues = (file: string, values: Iterable<[string, Value]>): void => {
      const where = path.basename(file);
      for (const [name, v] of values) {
        const subject = `tfvars:${file}:${name}`;
        if (looksSecret(name)) walk(name, v, (n, s) => literal(n, s, { messageId: 'varFile', data: { file: where }, subject }));
        else walk(name, v, (n, s) => literal(n, s, { messageId: 'varFileKey', data: { file: where, input: name }, subject }));
      }
    };
    /** The values of a `.tfvars` / `.tfvars.json` file, as the front end read them. */
    const varFile = (file: ScannedFile): void => {
      // An ARM parameter file (or .bicepparam) read on its own (no template takes it) is a parameter file too.
      variantFile = file.kind === 'arm-params' || file.kind === 'bicepparam' ? file.path : undefined;
      fileValues(file.path, file.varValues ?? []);
      variantFile = undefined;
    };
    return {
      graph(g) {
        // RULES.md / FORMATS.md §5: plan values are what will be deployed (resolved -var values,
        // provider-generated keys), not literals written in the source: never read here.
        if (g.evaluation.planFile) return;
        variantFile = g.evaluation.variantFile;
        seenInGraph = new Set();
        try {
          // Inputs first: a secret written as a parameter/variable default and used by a
          // resource is reported once, in the words of the declaration that holds it.
          for (const d of g.evaluation.inputs) input(d);
          // (And the variables of a module no call instantiates here, `count = 0`: the default is in the repository all the same.)
          for (const d of g.evaluation.inertInputs ?? []) input(d, true);
          // What the variant's parameter file assigns to parameters the template does not declare (review 119).
          if (g.evaluation.variantFile !== undefined && g.evaluation.undeclaredValues) fileValues(g.evaluation.variantFile, g.evaluation.undeclaredValues);
          // A module the linter does not read (a registry source, a linked template's URL), or a
          // linked template it reads on its own without them: its arguments are still written
          // here, a literal secret among them.
          for (const call of [...g.opaqueModules, ...g.unboundCalls]) {
            const how = g.unboundCalls.includes(call) ? 'its template is not evaluated with it' : call.partial ? 'read only up to a syntax error' : 'not evaluated';
            for (const [arg, v] of call.args) {
              // (A module read up to a syntax error: an argument it declares is judged as its input.)
              if (call.partial?.has(arg)) continue;
              const site = call.argSites.get(arg) ?? call.sourceAt;
              const base = { data: { input: arg, module: call.name, how }, subject: `${withoutInstanceKeys(call.address)}:${arg}`, at: site, related: [{ ...site, label: `argument "${arg}"` }] };
              walk(arg, v, (name, s) => literal(name, s, { ...base, messageId: name === arg && s === v ? 'moduleArgument' : 'moduleArgumentKey' }));
            }
          }
          // A block with no instance here (`count = 0`) is read too: its literal is in the repository all the same (review 130).
          const inert = new Set(g.inertResources);
          for (const r of [...g.resources, ...g.inertResources]) {
            const of = inert.has(r) ? { inert: true as const, writtenHere: true as const } : {};
            if (isInlineElement(r)) continue; // inline elements are part of their parent's body
            if (!SECRET_FORMATS.includes(r.format)) continue;
            const body = r.body;
            if (!body) continue;
            walk(undefined, body, (name, s) => {
              const base = { at: r.header, resource: r, related: [{ ...r.header, label: r.address }], ...of };
              // A resource that is itself the name/value pair (`azurerm_key_vault_secret { name, value }`):
              // its own name and a fix to fetch it from Key Vault would say nothing (review 95).
              const own = SECRET_VALUE_RESOURCES.has(r.sourceType) ? (s === entry(body, 'value') ? 'value' : s === entry(body, 'value_wo') ? 'value_wo' : undefined) : undefined;
              if (own) {
                const data = own === 'value'
                  ? { kept: 'in the code and in the Terraform state', fix: 'generate it (random_password) or write it from outside the code (an ephemeral value into value_wo)' }
                  : { kept: 'in the code', fix: 'generate it (random_password) or give value_wo an ephemeral value read from outside the code' };
                literal(name, s, { ...base, messageId: 'secretResourceValue', data: { name: displayName(r), type: r.sourceType, attribute: own, ...data } });
              }
              else literal(name, s, { ...base, messageId: r.format === 'azureml-yaml' ? 'azuremlAttribute' : 'attribute', data: { name: displayName(r) } });
            });
          }
        } finally {
          variantFile = undefined;
          seenInGraph = undefined;
        }
      },
      // Provider blocks: `provider "azurerm" { client_secret = "…" }` is the most common hard-coded Azure credential;
      // a backend's storage key or SAS token (`backend "azurerm" { access_key = "…" }`) opens the state, secrets and all.
      terraformModule(m) {
        for (const p of m.providers) {
          walk(undefined, p.body, (name, s) =>
            literal(name, s, { messageId: 'providerAttribute', data: { provider: p.name }, at: p.at, subject: `provider:${m.dir}:${p.name}`, related: [{ ...p.at, label: `provider "${p.name}"` }] }),
          );
        }
        // A local value written as a literal (`locals { db_password = "…" }`): one a resource reads
        // was reported there already (graphs come first); this is the rest, whatever reads them.
        for (const l of m.literalLocals) {
          const base = { data: { input: l.name }, at: l.at, subject: `local:${m.dir}:${l.name}`, related: [{ ...l.at, label: `local.${l.name}` }] };
          walk(l.name, l.value, (name, s) => literal(name, s, { ...base, messageId: name === l.name && s === l.value ? 'localValue' : 'localValueKey' }));
        }
        for (const { backend: b } of m.terraformBlocks) {
          if (!b) continue;
          walk(undefined, b.body, (name, s) =>
            literal(name, s, { messageId: 'backendAttribute', data: { backend: b.type }, at: b.at, subject: `backend:${m.dir}:${b.type}`, related: [{ ...b.at, label: `backend "${b.type}"` }] }),
          );
        }
      },
      file(f) {
        // A `.bicepparam` file has values here only when no evaluation applied it (src/eval/bicep/project.ts loneParamValues).
        // A Terragrunt configuration's inputs are a var file's values (whatever module they reach, a remote one included).
        if (f.kind === 'tfvars' || f.kind === 'tfvars-json' || f.kind === 'tfvars-sample' || f.kind === 'arm-params' || f.kind === 'bicepparam' || f.kind === 'terragrunt') varFile(f);
      },
    };
  },
});
