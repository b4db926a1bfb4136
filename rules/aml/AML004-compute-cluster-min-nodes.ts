import { defineRule } from '../../src/engine/define-rule.js';
import { amlComputeTypeOf, displayName, readOrUndecided } from '../../src/engine/facts.js';

export default defineRule({
  meta: {
    id: 'AML004',
    name: 'compute-cluster-min-nodes',
    shortDescription: 'AML compute cluster with a minimum node count above zero.',
    fullDescription:
      'An Azure ML compute cluster keeps `min_node_count` nodes allocated at all times, even when no job runs. Every idle node bills the full VM price around the clock: two idle NC6s_v3 GPU nodes cost thousands of dollars a month. A minimum of zero only adds the node start-up time (a few minutes) to the first job after an idle period.',
    help: 'Set min_node_count = 0 (ARM/Bicep/azapi: properties.properties.scaleSettings.minNodeCount = 0) and tune the scale-down delay (scale_down_nodes_after_idle_duration / nodeIdleTimeBeforeScaleDown) instead.',
    level: { prod: 'note', unknown: 'warning', nonprod: 'warning' },
    tags: ['cost', 'aml'],
    messages: {
      minNodesAboveZero:
        'AML compute cluster "{{name}}" keeps {{count}} {{nodes}} running while idle ({{state}}); set {{attribute}} to 0 so it scales to zero.',
    },
  },
  create(ctx) {
    return {
      'ml.compute'(c) {
        if (amlComputeTypeOf(ctx, c) !== 'cluster') return;
        const min = ctx.fact(c, 'minNodeCount');
        const count = readOrUndecided(ctx, c, 'minNodeCount', min, min.number(), 'a whole number');
        if (count === undefined || count <= 0) return;
        ctx.report({
          resource: c,
          attr: 'minNodeCount',
          messageId: 'minNodesAboveZero',
          data: { name: displayName(c), count, nodes: count === 1 ? 'node' : 'nodes', state: min.describe(), attribute: min.sourcePath },
        });
      },
    };
  },
});
