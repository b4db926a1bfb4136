import { defineRule } from '../../src/engine/define-rule.js';
import { valueSites } from '../../src/engine/facts.js';
import { withoutInstanceKeys } from '../../src/model/address.js';
import { EXAMPLE_SIZES, gpuFamilyNames, isGpuSize, isVmSizeName, namesGpuSize } from '../../src/model/facts/gpu.js';

/**
 * GPU005: the "$4,000 typo" moved into a module argument. When the module is not evaluated
 * (a registry module without a local copy), GPU001 cannot see the pool the size lands on;
 * the argument's name is the only GPU intent there is.
 */
export default defineRule({
  meta: {
    id: 'GPU005',
    name: 'gpu-size-into-opaque-module',
    shortDescription: 'A GPU-named argument of a module that is not evaluated gets a size without a GPU.',
    fullDescription: `A registry module (Terraform registry/Git source, Bicep \`br:\`/\`ts:\`, an ARM template linked by URL or template spec) that the linter could not read is called with an argument whose name says GPU size (\`gpuVmSize\`, \`gpu_node_size\`) and a known VM size that has no GPU — the classic \`${EXAMPLE_SIZES.cpuTypo}\` for \`${EXAMPLE_SIZES.gpuMeant}\`. GPU001 would catch it on the pool, but the pool lives inside the module. GPU sizes are the ${gpuFamilyNames()} families; NP is FPGA, not GPU.`,
    help: 'Pass a GPU size (an N-series family: NC, ND, NG, NV), or rename the argument if the module really wants a CPU size; with `terraform init` run before linting, the module is evaluated and GPU001 judges the pool itself.',
    level: 'warning',
    tags: ['cost', 'gpu'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    messages: {
      notGpuSize:
        'Argument "{{arg}}" of module "{{module}}" ("{{source}}", not evaluated) names a GPU size but gets "{{size}}", which has no GPU; pass a size of a GPU family ({{families}}).',
    },
  },
  create(ctx) {
    return {
      graph(g) {
        for (const call of g.opaqueModules) {
          // (A local module not read is no registry module: its problem is EVAL001/PARSE001.)
          if (call.local) continue;
          for (const [arg, given] of call.args) {
            if (!namesGpuSize(arg)) continue;
            // One size, or a list of sizes (`gpu_vm_sizes = [...]`): each known non-GPU size is a finding at its own place.
            const values = given.kind === 'list' ? given.items : [given];
            for (const [i, value] of values.entries()) {
              // RULES.md Conventions: an unknown value that may hide a finding is recorded (--verbose).
              if (value.kind === 'unknown') {
                const at = value.origin ?? call.argSites.get(arg) ?? call.sourceAt;
                ctx.undecidedAbout(withoutInstanceKeys(call.address), given.kind === 'list' ? `${arg}[${i}]` : arg, value.reason, at);
                continue;
              }
              if (value.kind !== 'string') continue;
              const size = value.value;
              if (!isVmSizeName(size) || isGpuSize(size)) continue;
              // Where the value was written, or the input that decided the conditional choosing it
              // (RULES.md "Values chosen by a condition"); the argument is related.
              const { location, related } = valueSites(value, call.argSites.get(arg), `argument "${arg}"`, call.sourceAt);
              ctx.report({
                location,
                related,
                subject: withoutInstanceKeys(call.address),
                declaredAt: call.sourceAt,
                // A call inside a registry module copy: the finding moves to the user's call into it.
                ...(call.vendored ? { vendored: call.vendored } : {}),
                attributePath: given.kind === 'list' ? `${arg}[${i}]` : arg,
                messageId: 'notGpuSize',
                data: { arg, module: call.name, source: call.source, size, families: gpuFamilyNames() },
              });
            }
          }
        }
      },
    };
  },
});
