/**
 * The locators and checks the counter suites share, for the page their beforeAll opens (passed as a getter: the
 * page exists only from then on): a screenshot held to axe's rules, the focus where it should be and in sight, a
 * form field and its error by the field's name, the app's own dialog, the eID panel.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, expectFocusOn, type FocusReport } from './page-checks';

export function pageHelpers(page: () => Page, screenshots: string, prefix = '') {
  return {
    /** Saves what the staff member sees (the viewport, not the whole page) and holds the page to axe's rules. */
    shot: async (name: string) => {
      await page().screenshot({ path: join(screenshots, `${prefix}${name}.png`) });
      expect(await axeViolations(page()), `axe on ${name}`).toEqual([]);
    },
    expectFocus: (expected: Partial<FocusReport>) => expectFocusOn(page(), expected),
    field: (name: string) => page().locator(`[name="${name}"]`),
    fieldError: (name: string) => page().locator(`[data-field="${name}"] .field-error`),
    dialog: () => page().getByRole('alertdialog'),
    eidPanel: () => page().getByTestId('eid-panel'),
  };
}
