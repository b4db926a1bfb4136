import path from 'node:path';
import { defineRule } from '../../src/engine/define-rule.js';
import type { TerraformModuleFacts } from '../../src/engine/types.js';
import type { Location } from '../../src/core/source.js';
import { droppedPart } from '../../src/engine/facts.js';

/** Providers built into Terraform: they cannot (and need not) be listed in required_providers. */
const BUILTIN = new Set(['terraform']);

type RequiredProvider = TerraformModuleFacts['requiredProviders'][number];

/** Where a root's finding points, what its message says of the provider's use, and the use's place when it is elsewhere. */
interface RootFinding {
  at: Location;
  messageId: 'noVersion' | 'noEntry';
  use: string;
  related: Location[];
  /** Where the entry goes: `here` (the root's `terraform {}` block), or a block to write. */
  where?: string;
}

/** A `required_providers` entry with a version constraint (an unknown expression counts: it is set). */
function constrains(rp: RequiredProvider): boolean {
  const v = rp.version;
  return v !== undefined && !(v.kind === 'string' && v.value.trim() === '') && v.kind !== 'null';
}

/** The providers a module names anywhere (required_providers, provider blocks, resources), lower-case. */
function providersOf(m: TerraformModuleFacts): string[] {
  return [...m.requiredProviders, ...m.providers, ...m.usedProviders].map((p) => p.name.toLowerCase()).filter((n) => n && !BUILTIN.has(n));
}

/**
 * A provider block's own `version` (Terraform 0.12 syntax): deprecated since 0.13 ("Version
 * constraints inside provider configuration blocks are deprecated"), but Terraform still
 * applies it as a constraint, so the provider is not unpinned.
 */
function providerBlockConstrains(p: TerraformModuleFacts['providers'][number]): boolean {
  return constrains({ name: p.name, at: p.at, version: p.body.entries.get('version') });
}

function constrainedIn(modules: readonly TerraformModuleFacts[], name: string): boolean {
  return modules.some(
    (m) =>
      m.requiredProviders.some((rp) => rp.name.toLowerCase() === name && constrains(rp)) ||
      m.providers.some((p) => p.name.toLowerCase() === name && providerBlockConstrains(p)),
  );
}

export default defineRule({
  meta: {
    id: 'TF003',
    name: 'provider-version-unpinned',
    shortDescription: 'Provider whose version no module of the configuration constrains and no lock file locks.',
    fullDescription:
      'Terraform selects one version of each provider for a whole configuration (a root module and the modules it calls, local ones and the copies of remote ones that `terraform init` downloaded) that satisfies every module\'s constraint, and `.terraform.lock.hcl` records it. When no module constrains a provider and no lock file is committed, `terraform init` installs the newest release on every fresh checkout or CI runner. A major release of azurerm renames and removes arguments and changes defaults (v4 renamed `enable_rbac_authorization`, changed feature flags, required `subscription_id`), so a pipeline that worked yesterday fails — or, worse, plans destructive replacements — without a single change in the code. A reusable module (one no scanned root calls) that lists a provider without a version is reported as a note: it should state the oldest version it works with.',
    help: 'In the root module, add the provider to `terraform { required_providers { … } }` with a source and a version constraint, e.g. `azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }`, and commit `.terraform.lock.hcl`. In a reusable module, state a minimum version (`version = ">= 3.100"`) and leave the upper bound to the root.',
    level: 'warning',
    tags: ['reliability', 'supply-chain', 'terraform'],
    // A `terraformModule` hook says Terraform; azapi is a Terraform provider too.
    formats: ['terraform', 'azapi'],
    messages: {
      noVersion:
        'Provider "{{name}}" has no version constraint here or in any module this root calls, and no .terraform.lock.hcl locks it, so a fresh init may install a new major release; add version = "~> X.Y" to this entry and commit the lock file.',
      noEntry:
        'Provider "{{name}}" is {{use}} but no module of this configuration constrains its version and no .terraform.lock.hcl locks it, so a fresh init installs its newest release; add it to required_providers {{where}} with a version constraint and commit the lock file.',
      reusableNoVersion:
        'This reusable module requires provider "{{name}}" without a version constraint, and no module that calls it sets one; state the oldest version it works with (version = ">= X.Y") so that a root cannot select an older, incompatible release.',
    },
  },
  create(ctx) {
    /**
     * The place, wording and related places of a root's finding about `name` (RULES.md TF003
     * "Location"). The message says where the provider is used, truthfully for the place it
     * points at: `configured here`/`used here` only when the finding is at that provider block
     * or resource; at the `terraform {}` block it names the use (`configured in main.tf:20`,
     * `used by random_string.suffix`, `used in module ./modules/net`), which is then a related
     * location.
     */
    const rootFinding = (root: TerraformModuleFacts, name: string): RootFinding | undefined => {
      const is = (p: { name: string }): boolean => p.name.toLowerCase() === name;
      const entry = root.requiredProviders.find(is);
      if (entry) return { at: entry.at, messageId: 'noVersion', use: '', related: [] };
      const provider = root.providers.find(is);
      const resource = root.usedProviders.find(is);
      const child = root.configuration.find((m) => providersOf(m).includes(name));
      const inChild = child && firstPlace(child, is);
      // Where the provider is used, and how a message names that place: at the place itself, or from the `terraform {}` block.
      const use = provider
        ? { at: provider.at, place: { ...provider.at, label: `provider "${provider.name}"` }, here: 'configured here', there: `configured in ${placeName(root.dir, provider.at)}` }
        : resource
          ? { at: resource.at, place: { ...resource.at, label: resource.address }, here: 'used here', there: `used by ${resource.address}` }
          : inChild && child
            ? { at: inChild, place: inChild, here: `used in module ${moduleName(root.dir, child)}`, there: `used in module ${moduleName(root.dir, child)}` }
            : undefined;
      const block = root.terraformBlocks.find((t) => t.requiredProviders) ?? root.terraformBlocks[0];
      if (block) return { at: block.at, messageId: 'noEntry', use: use?.there ?? 'used', related: use ? [use.place] : [], where: 'here' };
      // No `terraform {}` block: at the provider block or the resource that uses it. Used only in a
      // called module: still at the root (RULES.md "at the root"), its first provider block or
      // block, where the configuration is run from; the module's own place is related (review 105:
      // the finding was in the module's file, unlike a root with a `terraform {}` block).
      if (!use) return undefined;
      // (No `terraform {}` block to add the entry to: the message says to write one; review 106.)
      const where = 'in a terraform {} block of this root module';
      if (provider || resource) return { at: use.at, messageId: 'noEntry', use: use.here, related: [], where };
      const atRoot = root.providers[0]?.at ?? root.firstBlock;
      return atRoot ? { at: atRoot, messageId: 'noEntry', use: use.there, related: [use.place], where } : { at: use.at, messageId: 'noEntry', use: use.here, related: [], where };
    };
    return {
      terraformModule(m) {
        if (m.isRoot) {
          // One configuration: the root and every local module it calls.
          const config = [m, ...m.configuration];
          // A module that cannot be read (registry or Git without a copy in the module manifest, a
          // folder outside the scan) may constrain any provider: the configuration's constraints
          // are unknown, and unknown is never reported. A manifest copy is read: it is in `config`.
          const opaque = m.opaqueModuleCalls[0];
          // A `terraform {}` block (or a module call, whose module's constraints then are not read) the
          // parser dropped for a syntax error (PARSE001) may hold the constraint.
          const broken = config.flatMap((c) => c.unparsed ?? []).find((u) => u.mayHoldConstraints);
          const names = [...new Set(config.flatMap(providersOf))];
          for (const name of names) {
            if (constrainedIn(config, name) || m.lockedProviders?.has(name)) continue;
            const f = rootFinding(m, name);
            if (!f) continue;
            if (opaque) {
              // RULES.md Conventions: an unknown that hides a possible finding is recorded (--verbose).
              const what = opaque.source ? `module ${opaque.source}` : 'a module without a source';
              ctx.undecidedAbout(`module:${ctx.relativePath(m.dir)}`, `required_providers.${name}`, `its version constraint may be in ${what}, which is not read`, f.at);
              continue;
            }
            if (broken) {
              ctx.undecidedAbout(`module:${ctx.relativePath(m.dir)}`, `required_providers.${name}`, `its version constraint may be in ${droppedPart(ctx.relativePath(broken.file), broken)}`, f.at);
              continue;
            }
            ctx.report({
              subject: `module:${m.dir}`,
              attributePath: `required_providers.${name}`,
              location: f.at,
              messageId: f.messageId,
              data: { name, use: f.use, where: f.where ?? 'here' },
              related: f.related,
            });
          }
          return;
        }
        // A child module: its root's configuration is judged at the root.
        if (m.calledByRoot) return;
        // A reusable module: each entry without a version, unless a module calling it constrains it.
        for (const rp of m.requiredProviders) {
          const name = rp.name.toLowerCase();
          if (BUILTIN.has(name) || constrains(rp) || constrainedIn([m, ...m.callers], name)) continue;
          ctx.report({
            subject: `module:${m.dir}`,
            attributePath: `required_providers.${name}`,
            location: rp.at,
            level: 'note',
            messageId: 'reusableNoVersion',
            data: { name: rp.name },
          });
        }
      },
    };
  },
});

/** A module folder as a `source` would name it from the root: `./modules/net`, `../shared`. */
function moduleRef(fromDir: string, toDir: string): string {
  const rel = path.relative(fromDir, toDir).split(path.sep).join('/');
  return rel === '..' ? '../' : rel.startsWith('../') ? rel : `./${rel}`;
}

/**
 * A called module as the message names it: a local folder as a `source` would name it from the
 * root, a module copy (or a folder inside one) by the user's remote call into it.
 */
function moduleName(rootDir: string, m: TerraformModuleFacts): string {
  return m.copyOf ? m.copyOf.source : moduleRef(rootDir, m.dir);
}

/**
 * In a called module: the provider's entry, else its provider block, else the first resource
 * using it (labelled); in a module copy, the user's call into it (nothing under `.terraform/`).
 */
function firstPlace(m: TerraformModuleFacts, is: (p: { name: string }) => boolean): Location | undefined {
  if (m.copyOf) return { ...m.copyOf.call, label: `module "${m.copyOf.name}"` };
  const entry = m.requiredProviders.find(is);
  if (entry) return { ...entry.at, label: `required_providers.${entry.name}` };
  const provider = m.providers.find(is);
  if (provider) return { ...provider.at, label: `provider "${provider.name}"` };
  const resource = m.usedProviders.find(is);
  return resource && { ...resource.at, label: resource.address };
}

/** A place in the root's folder as the message names it: `main.tf:20`. */
function placeName(rootDir: string, at: Location): string {
  return `${path.relative(rootDir, at.file).split(path.sep).join('/')}:${at.range.start.line}`;
}
