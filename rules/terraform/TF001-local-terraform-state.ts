import { defineRule } from '../../src/engine/define-rule.js';

/**
 * Folder names that mark a demonstration root (RULES.md TF001): code to try out, copy or
 * test, not a deployment someone runs every day. Compared with each folder of the root's
 * path relative to the scan root, case-insensitively.
 */
const DEMONSTRATION_FOLDERS = new Set([
  'examples', 'example', 'samples', 'sample', 'quickstart', 'quickstarts',
  'test', 'tests', 'testing', 'fixtures', 'e2e', 'demo', 'demos',
]);

/** The first folder of `relDir` that marks a demonstration root, if any. */
export function demonstrationFolder(relDir: string): string | undefined {
  return relDir.split('/').find((seg) => DEMONSTRATION_FOLDERS.has(seg.toLowerCase()));
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
        // A terragrunt.hcl beside it gives the backend at run time: a remote one (its
        // `remote_state`, or a `generate` block that writes a `backend` block) is the root's; one
        // not written literally, or a parent configuration it includes, may be (not known).
        const tg = m.terragrunt;
        if (tg?.backend && tg.backend.type !== 'local') return;
        if (tg && !tg.backend && (tg.backendNotKnown || tg.includes.length > 0)) {
          const why = tg.backendNotKnown
            ? 'the backend type its terragrunt.hcl gives is not a literal'
            : 'its terragrunt.hcl includes another configuration, which may set remote_state';
          ctx.undecidedAbout(`module:${ctx.relativePath(m.dir)}`, 'backend', `${why}, so whether Terragrunt gives it a remote backend is not known`, tg.backendNotKnown ?? tg.includes[0]!);
          return;
        }
        const local = effective?.backend?.type === 'local' ? effective : undefined;
        // The terraform {} block that says backend "local" (where the offending value is
        // written), else the first terraform {} block, else the first provider block. A root
        // known only by its var files has neither: its first resource/module block (RULES.md
        // names no place for it; the rule must still report the root).
        const at = local?.at ?? m.terraformBlocks[0]?.at ?? m.providers[0]?.at ?? m.firstBlock;
        if (!at) return;
        const folder = demonstrationFolder(ctx.relativePath(m.dir));
        ctx.report({
          subject: `module:${m.dir}`,
          location: at,
          related: local ? [{ ...local.backend!.at, label: 'backend "local"' }] : [],
          ...(folder
            ? { messageId: local ? 'demoLocalBackend' : 'demoNoBackend', data: { folder }, level: 'note' as const }
            : { messageId: local ? 'localBackend' : 'noBackend' }),
        });
      },
    };
  },
});
