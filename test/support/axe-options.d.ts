/** Types of test/support/axe-options.js for the TypeScript tests that import it. */

export const WCAG_22_TAGS: string[];
export function axeRunOptions(
  axe: { getRules(tags: string[]): { ruleId: string }[] },
  options?: { ignoredRules?: string[] },
): { resultTypes: string[]; rules: Record<string, { enabled: boolean }> };
