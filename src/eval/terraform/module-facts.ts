/** What the Terraform evaluator reports about each module folder, for TF001 and TF003. */
import type { Location } from '../../core/source.js';
import type { Value } from '../../core/value.js';

/** Facts about a Terraform module folder (TF001, TF003). */
export interface TerraformModuleFacts {
  dir: string;
  isRoot: boolean;
  /** `terraform {}` blocks: where they are and the backend/cloud they declare. */
  terraformBlocks: { at: Location; backend?: { type: string; at: Location }; cloud?: Location }[];
  providers: { name: string; at: Location }[];
  requiredProviders: { name: string; at: Location; version?: Value }[];
  /** Provider names used by resources and data sources (prefix of the type). */
  usedProviders: { name: string; at: Location }[];
}
