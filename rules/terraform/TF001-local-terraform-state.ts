import path from 'node:path';
import { defineRule } from '../../src/engine/define-rule.js';
import type { TerragruntFacts } from '../../src/model/terraform.js';
import { droppedPart } from '../../src/engine/facts.js';

/**
 * Folder names that mark a demonstration root (RULES.md TF001): code to try out, copy or
 * test, not a deployment someone runs every day. Compared with each folder of the root's
 * path from its repository's top (else from the scan root), case-insensitively: `cd quickstart/x
 * && mlops-iac-lint .` finds the same demonstration root as a scan of the whole repository.
 */
const DEMONSTRATION_FOLDERS = new Set([
  'examples', 'example', 'samples', 'sample', 'quickstart', 'quickstarts',
  'test', 'tests', 'testing', 'fixtures', 'e2e', 'demo', 'demos',
]);

/** The first folder of `relDir` that marks a demonstration root, if any. */
export function demonstrationFolder(relDir: string): string | undefined {
  return relDir.split('/').find((seg) => DEMONSTRATION_FOLDERS.has(seg.toLowerCase()));
}

/** The backend a Terragrunt configuration gives the module it runs: remote, none (local state), or not known. */
function terragruntBackend(tg: TerragruntFacts): 'remote' | 'none' | 'not known' {
  if (tg.backend) return tg.backend.type === 'local' ? 'none' : 'remote';
  return tg.backendNotKnown || tg.includes.length > 0 ? 'not known' : 'none';
}

export default defineRule({
  meta: {
    id: 'TF001',
    name: 'local-terraform-state',
    shortDescription: 'Terraform root module without a remote backend.',
    fullDescription:
      'Without a remote backend, Terraform keeps its state in a local terraform.tfstate file: it holds every secret of the deployment in plain text, is lost with the machine or CI runner, ends up committed, and gives no locking, so two applies corrupt it. A demonstration root (under examples/, quickstart/, tests/, …) is reported as a note: it is meant to be tried out, but a copy of it that deploys something real needs a backend.',
    help: 'Add a remote backend, e.g. `terraform { backend "azurerm" {} }` configured at init time with -backend-config, or an HCP Terraform `cloud` block.',
    level: 'error',
    tags: ['security', 'reliability', 'terraform'],
    securitySeverity: 5.0,
    messages: {
      localBackend:
        'This root module keeps its state in a local file (backend "local"), unshared, unlocked and on disk with every secret; replace it with a remote backend such as `backend "azurerm" {}`.',
      noBackend:
        'This root module has no backend, so its state (with every secret) stays in a local terraform.tfstate; add a remote backend such as `backend "azurerm" {}`.',
      demoLocalBackend:
        'This demonstration root (under {{folder}}/) keeps its state in a local file (backend "local"); fine for trying it out, but a copy that deploys anything real needs a remote backend such as `backend "azurerm" {}`.',
      demoNoBackend:
        'This demonstration root (under {{folder}}/) has no backend, so its state stays in a local terraform.tfstate; fine for trying it out, but a copy that deploys anything real needs a remote backend such as `backend "azurerm" {}`.',
    },
  },
  create(ctx) {
    return {
      terraformModule(m) {
        if (!m.isRoot) return;
        // The backend in effect: an override file's backend replaces the original's
        // (`backend "local"` in override.tf wins over main.tf's `backend "azurerm"`).
        const effective = m.effectiveBackend;
        if (effective && (effective.cloud || effective.backend!.type !== 'local')) return;
        // A backend file beside the root (`-backend-config=dev.tfbackend`, CAF's backend.azurerm
        // copied in at deploy time) gives it a remote backend the code does not show.
        if (m.backendFiles.length > 0) return;
        const localBlock = effective?.backend?.type === 'local' ? effective : undefined;
        // The terraform {} block that says backend "local" (where the offending value is
        // written), else the first terraform {} block, else the first provider block. A root
        // known only by its var files has neither: its first resource/module block (RULES.md
        // names no place for it; the rule must still report the root).
        const at = localBlock?.at ?? m.terraformBlocks[0]?.at ?? m.providers[0]?.at ?? m.firstBlock;
        if (!at) return;
        // A `terraform {}` block the parser dropped for a syntax error (PARSE001) may declare the backend: not known.
        const broken = m.unparsed?.find((u) => u.mayHoldBackend);
        if (broken && !localBlock) {
          ctx.undecidedAbout(`module:${ctx.relativePath(m.dir)}`, 'backend', `a backend may be declared in ${droppedPart(ctx.relativePath(broken.file), broken)}`, at);
          return;
        }
        // The Terragrunt configurations that run it (the terragrunt.hcl beside it, one whose
        // `terraform { source }` names its folder) give the backend at run time: a remote one (a
        // `remote_state`, or a `generate` block that writes a `backend` block) is the root's; one
        // not written literally, or a parent configuration included, may be (not known). It keeps
        // its state in a local file when one of them gives none.
        const runs = m.terragrunt.map((tg) => ({ tg, gives: terragruntBackend(tg) }));
        const local = runs.find((r) => r.gives === 'none');
        if (runs.length > 0 && !local) {
          const notKnown = runs.find((r) => r.gives === 'not known');
          if (!notKnown) return;
          // Listed where the finding would be (a pre-commit run given the module shows it), the configuration named.
          const tg = notKnown.tg;
          const config = path.dirname(tg.file) === m.dir ? 'its terragrunt.hcl' : `${ctx.relativePath(tg.file)}, which runs it,`;
          const why = tg.backendNotKnown
            ? `the backend type ${config} gives (line ${tg.backendNotKnown.range.start.line}) is not a literal`
            : `${config} includes another configuration (line ${tg.includes[0]!.range.start.line}), which may set remote_state`;
          ctx.undecidedAbout(`module:${ctx.relativePath(m.dir)}`, 'backend', `${why}, so whether Terragrunt gives it a remote backend is not known`, at);
          return;
        }
        const runner = local?.tg.source ? [{ ...local.tg.source, label: 'terragrunt.hcl that runs it' }] : [];
        const folder = demonstrationFolder(ctx.repositoryPath(m.dir));
        ctx.report({
          subject: `module:${m.dir}`,
          location: at,
          related: [...(localBlock ? [{ ...localBlock.backend!.at, label: 'backend "local"' }] : []), ...runner],
          ...(folder
            ? { messageId: localBlock ? 'demoLocalBackend' : 'demoNoBackend', data: { folder }, level: 'note' as const }
            : { messageId: localBlock ? 'localBackend' : 'noBackend' }),
        });
      },
    };
  },
});
