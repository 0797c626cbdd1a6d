/**
 * axe on a whole page in the end-to-end tests (the elements' open shadow roots
 * included), with the WCAG 2.2 rules on as in every axe check (test/support/axe-options.js).
 */
import { createRequire } from 'node:module';
import { axeRunOptions } from '../../support/axe-options.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const OPTIONS = axeRunOptions(require('axe-core'));

/** Runs axe on the page; returns its violations, one line per node: rule, target, what to fix. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(
    async (options) => (await window.axe.run(document, options)).violations,
    OPTIONS,
  );
  return violations.flatMap((rule) =>
    rule.nodes.map((node) => `${rule.id}: ${JSON.stringify(node.target)} ${node.failureSummary}`),
  );
}
