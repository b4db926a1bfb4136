import type { Rule } from '../../src/engine/types.js';
import { amlComputeType, displayName, factLocations, knownNumber } from '../../src/engine/facts.js';

const rule: Rule = {
  meta: {
    id: 'AML004',
    name: 'compute-cluster-min-nodes',
    shortDescription: 'AML compute cluster with a minimum node count above zero.',
    fullDescription:
      'An Azure ML compute cluster keeps `min_node_count` nodes allocated at all times, even when no job runs. Every idle node bills the full VM price around the clock: two idle Standard_NC6s_v3 nodes cost thousands of dollars a month. A minimum of zero only adds the node start-up time (a few minutes) to the first job after an idle period.',
    help: 'Set min_node_count = 0 (ARM/Bicep/azapi: properties.properties.scaleSettings.minNodeCount = 0) and tune the scale-down delay (scale_down_nodes_after_idle_duration / nodeIdleTimeBeforeScaleDown) instead.',
    level: { prod: 'note', unknown: 'warning', nonprod: 'warning' },
    tags: ['cost', 'aml'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/aml/AML004-compute-cluster-min-nodes.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const c of g.ofKind('ml.compute')) {
          if (amlComputeType(c) !== 'cluster') continue;
          const min = knownNumber(c, 'minNodeCount');
          if (min === undefined || min <= 0) continue;
          const { location, related } = factLocations(c, 'minNodeCount');
          ctx.report({
            resource: c,
            attributePath: 'minNodeCount',
            location,
            related,
            message: `AML compute cluster "${displayName(c)}" keeps ${min} node${min === 1 ? '' : 's'} running while idle (min node count ${min}); set the minimum node count to 0 so it scales to zero.`,
          });
        }
      },
    };
  },
};
export default rule;
