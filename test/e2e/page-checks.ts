/**
 * What the end-to-end tests check on every step, beyond what a screen says:
 * where the focus is and whether the staff member can see it, and axe's
 * accessibility rules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface FocusReport {
  /** 'body' when focus is nowhere useful. */
  tag: string;
  name: string | null;
  id: string;
  testId: string | null;
  text: string;
  /** The whole element lies inside the viewport. */
  inViewport: boolean;
  /** What elementFromPoint finds at the element's centre is the element itself (or inside it): no sticky bar or dialog over it. */
  uncovered: boolean;
}

/** Where the focus is, and whether it can be seen. */
export function focusReport(page: Page): Promise<FocusReport> {
  return page.evaluate(() => {
    const element = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const labels: HTMLLabelElement[] = element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? Array.from(element.labels ?? []) : [];
    return {
      tag: element === document.body ? 'body' : element.tagName.toLowerCase(),
      name: element.getAttribute('name'),
      id: element.id,
      testId: element.getAttribute('data-testid'),
      text: element.innerText.trim().slice(0, 120),
      inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth,
      uncovered: hit !== null && (hit === element || element.contains(hit) || labels.some((label) => label.contains(hit))),
    };
  });
}

/** The focus is where it should be (as far as `expected` says), and the staff member can see it. */
export async function expectFocusOn(page: Page, expected: Partial<FocusReport>): Promise<void> {
  await expect.poll(() => focusReport(page)).toMatchObject({ ...expected, inViewport: true, uncovered: true });
}

/** Whether an element (by selector) is wholly in the viewport and not covered at its centre. */
export function inSight(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth && hit !== null && (hit === element || element.contains(hit));
  }, selector);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (WCAG 2.x A and AA plus best practices), as "rule: targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  // Through the DevTools protocol, as a test tool: the page's own CSP keeps script tags out, rightly.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}
