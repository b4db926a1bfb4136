/**
 * Rows of ../shared/RULES.md that are specified but not implemented yet. The catalog test
 * accepts a missing rule only when its ID is listed here, and fails when a listed rule is
 * implemented (remove it from this list when its issue lands), so the list only shrinks and
 * nothing is skipped silently.
 */
export const PENDING_RULES: Readonly<Record<string, string>> = {
};
