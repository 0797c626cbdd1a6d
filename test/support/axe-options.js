/**
 * The rules every axe check in the tests runs, in the browser tests and the end-to-end
 * ones alike: axe's default set plus the WCAG 2.2 rules. axe ships those (`target-size`,
 * 2.5.8 Target Size, among them) turned off, so a plain `axe.run()` never reports a
 * control too small to tap.
 */

/** The axe tags of WCAG 2.2's own success criteria. */
export const WCAG_22_TAGS = ['wcag22a', 'wcag22aa'];

/**
 * Options for `axe.run()`: the WCAG 2.2 rules turned on, found by tag in the axe that
 * runs (so a rule a newer axe adds is on too), and `ignoredRules` turned off.
 *
 * @param {{ getRules(tags: string[]): { ruleId: string }[] }} axe
 * @param {{ ignoredRules?: string[] }} [options]
 */
export function axeRunOptions(axe, { ignoredRules = [] } = {}) {
  /** @type {Record<string, { enabled: boolean }>} */
  const rules = {};
  for (const { ruleId } of axe.getRules(WCAG_22_TAGS)) rules[ruleId] = { enabled: true };
  for (const ruleId of ignoredRules) rules[ruleId] = { enabled: false };
  return { resultTypes: ['violations'], rules };
}
