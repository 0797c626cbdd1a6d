/**
 * The browser tests' accessibility check: axe on an element (its shadow root included)
 * with the WCAG 2.2 rules on (test/support/axe-options.js), failing with each violation's
 * rule, target and what to fix.
 */
import { expect } from '@open-wc/testing';
import { axeRunOptions } from './axe-options.js';

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}
interface Axe {
  getRules(tags: string[]): { ruleId: string }[];
  run(context: Element, options: object): Promise<{ violations: AxeViolation[] }>;
}

/** Loads axe once per page. */
export async function loadAxe(): Promise<Axe> {
  await import('axe-core/axe.min.js' as string);
  return (window as unknown as { axe: Axe }).axe;
}

/** Runs axe on `element` and expects no violation; `ignoredRules` names rules a test has reason to skip. */
export async function expectAccessible(element: Element, options: { ignoredRules?: string[] } = {}): Promise<void> {
  const axe = await loadAxe();
  const { violations } = await axe.run(element, axeRunOptions(axe, options));
  const found = violations.flatMap((rule) =>
    rule.nodes.map((node) => `${rule.id} (${rule.help}): ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`),
  );
  expect(found, `axe violations:\n${found.join('\n')}\n`).to.deep.equal([]);
}
