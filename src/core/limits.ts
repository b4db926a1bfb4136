/**
 * Limits shared by every evaluator, so a loop means the same in Terraform, ARM and Bicep.
 * RULES.md "Parse and evaluation problems": loops expand up to 1,024 instances before the
 * cap applies (an EVAL001 note then says how many were left out).
 */
export const LOOP_INSTANCE_CAP = 1024;
