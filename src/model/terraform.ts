/** Terraform module-folder facts as rules read them (produced by the Terraform evaluator). */
export type { TerraformModuleFacts, TerragruntFacts } from '../eval/terraform/module-facts.js';
