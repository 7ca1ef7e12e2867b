import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Screenshots go to frontend/e2e/output (ignored by git, kept by CI as artifacts).
export const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));

const consoleErrors = new WeakMap<Page, string[]>();

// watchConsole records the page's console errors and uncaught exceptions.
export function watchConsole(page: Page): string[] {
  let errs = consoleErrors.get(page);
  if (errs) return errs;
  errs = [];
  consoleErrors.set(page, errs);
  const list = errs;
  page.on('console', (m) => {
    if (m.type() === 'error') list.push(`${m.text()} @ ${m.location().url}`);
  });
  page.on('pageerror', (e) => list.push(`uncaught: ${e.message}`));
  return list;
}

export function expectNoConsoleErrors(page: Page): void {
  expect(consoleErrors.get(page) ?? [], 'console errors').toEqual([]);
}

// The demo users of the dev server's sign-in page (infra/devserver/users.go).
export const DEMO = {
  admin: { name: 'Ana Admin' },
  supervisor: { name: 'Sérgio Supervisor', queues: ['Vendas', 'Suporte'] },
} as const;

// signIn goes through the local sign-in page as the demo user with that role.
export async function signIn(page: Page, role: 'admin' | 'supervisor'): Promise<void> {
  watchConsole(page);
  // The demo tenant's locale is pt-BR, which a fresh browser follows; the tests read
  // English labels unless they switch (the choice, once made, is kept).
  await page.addInitScript(() => {
    if (!localStorage.getItem('rastro.lang')) localStorage.setItem('rastro.lang', 'en');
  });
  await page.goto('/signin');
  await page.getByTestId(`signin-${role}`).click();
  await expect(page.getByTestId('who-name')).toHaveText(DEMO[role].name);
}

// checkA11y fails on serious or critical axe-core violations (WCAG 2.1 A/AA rules).
export async function checkA11y(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect(bad, 'serious/critical accessibility violations').toEqual([]);
}

// shot saves a full-page screenshot as e2e/output/<name>.png.
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: `${OUTPUT_DIR}${name}.png`, fullPage: true });
}

// test watches every page's console from the start, and fails a test that left errors.
export const test = base.extend<{ consoleGuard: void }>({
  consoleGuard: [
    async ({ page }, use) => {
      watchConsole(page);
      await use();
      expectNoConsoleErrors(page);
    },
    { auto: true },
  ],
});

export { expect };
