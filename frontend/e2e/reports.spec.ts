import { test as plain, type Locator, type Page } from '@playwright/test';
import { checkA11y, expect, shot, signIn, test } from './fixtures';

// Report-specific behaviour against the demo data of `make dev`: each report
// loads as admin, a filter changes its numbers, and a number's drill-down
// opens Interaction Tracking with that filter, listing as many interactions
// as the number says.

// kpi is the value of the KPI card with that label.
function kpi(page: Page, label: string): Locator {
  return page.locator('.kpi-card').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd.kpi-value');
}

// The figures are loaded once the watermark line shows and no request is pending.
async function loaded(page: Page): Promise<void> {
  await expect(page.getByTestId('freshness').first()).toBeVisible();
  await expect(page.locator('.report-body[aria-busy="true"]')).toHaveCount(0);
}

// count reads a formatted count ("1,002") as a number.
function count(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

// expectTrackingCount waits for the tracking list to finish and holds its
// size equal to the report's number.
async function expectTrackingCount(page: Page, n: number): Promise<void> {
  const status = page.getByTestId('result-count');
  await expect(status).not.toContainText('more to come', { timeout: 60_000 });
  await expect(status).toHaveText(new RegExp(`^${n.toLocaleString('en-US')} interactions?`));
}

async function applyFilters(page: Page): Promise<void> {
  await page.getByRole('form', { name: 'Filters' }).getByRole('button', { name: 'Apply' }).click();
}

test.describe('reports', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'admin');
  });

  test('IVR: grouping, an IVR filter and the drill-down of a KPI', async ({ page }) => {
    await page.goto('/ivr');
    await loaded(page);
    const all = count(await kpi(page, 'Received').textContent());
    expect(all).toBeGreaterThan(0);

    await page.getByRole('group', { name: 'Group by' }).getByText('Hour', { exact: true }).click();
    await expect(page).toHaveURL(/group=hour/);
    await loaded(page);
    await expect(page.getByRole('region', { name: /IVR report by Hour/ }).locator('tbody tr:not(.spacer)').first()).toContainText('00:00');
    await expect(page.getByRole('img', { name: 'Calls by Hour' })).toBeVisible();

    await page.getByLabel('IVR menus').fill('Cancelamento');
    await applyFilters(page);
    await expect(page).toHaveURL(/ivr=Cancelamento/);
    await loaded(page);
    await expect(kpi(page, 'Received')).not.toHaveText(all.toLocaleString('en-US'));
    const received = count(await kpi(page, 'Received').textContent());
    expect(received).toBeLessThan(all);
    await checkA11y(page);
    await shot(page, 'reports-ivr-filtered');

    const abandoned = kpi(page, 'Abandoned in queue');
    const n = count(await abandoned.textContent());
    await abandoned.getByRole('link').click();
    await expect(page).toHaveURL(/\/tracking\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('media')).toBe('voice');
    expect(url.searchParams.get('ivr')).toBe('Cancelamento');
    expect(url.searchParams.get('abandonedIn')).toBe('queue');
    await expectTrackingCount(page, n);
  });

  test('Agents: a media filter and an agent row drill-down', async ({ page }) => {
    await page.goto('/agents');
    await loaded(page);
    const all = await kpi(page, 'Interactions').textContent();
    expect(count(all)).toBeGreaterThan(0);

    await page.getByRole('group', { name: 'Media' }).getByLabel('WhatsApp').check();
    await applyFilters(page);
    await expect(page).toHaveURL(/media=whatsapp/);
    await loaded(page);
    await expect(kpi(page, 'Interactions')).not.toHaveText(all ?? '');
    await expect(page.getByRole('img', { name: 'Interactions by agent' })).toBeVisible();
    await checkA11y(page);
    await shot(page, 'reports-agents-whatsapp');

    // The first agent's Interactions number: with one media, one link.
    const table = page.getByRole('region', { name: 'Agents report' });
    const link = table.locator('tbody td > a.drill').first();
    const n = count(await link.textContent());
    expect(n).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(/\/tracking\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('media')).toBe('whatsapp');
    expect(url.searchParams.get('finalAgents')).toMatch(/^ag-/);
    await expectTrackingCount(page, n);
  });

  test('Conversation statistics: views, a support filter and a KPI drill-down', async ({ page }) => {
    await page.goto('/conversations');
    await loaded(page);
    const all = await kpi(page, 'Conversations').textContent();
    expect(count(all)).toBeGreaterThan(0);
    await expect(kpi(page, '% complete')).toContainText('%');

    await page.getByLabel('Support status').selectOption('yes');
    await applyFilters(page);
    await expect(page).toHaveURL(/supported=yes/);
    await loaded(page);
    await expect(kpi(page, 'Conversations')).not.toHaveText(all ?? '');

    for (const view of ['By user', 'By date', 'By channel', 'By hour']) {
      await page.getByRole('group', { name: 'View' }).getByText(view, { exact: true }).click();
      await loaded(page);
      await expect(page.getByRole('region', { name: new RegExp(`Conversation statistics: ${view}`) })).toBeVisible();
    }
    // The hour view adds the hour × weekday map.
    await expect(page.getByRole('img', { name: 'Conversations by hour and weekday' })).toBeVisible();
    await checkA11y(page);
    await shot(page, 'reports-conversations-hour');

    // Back to the overview: the KPI's drill-down carries the filter.
    await page.getByRole('group', { name: 'View' }).getByText('Overview', { exact: true }).click();
    await loaded(page);
    const card = kpi(page, 'Done');
    const n = count(await card.textContent());
    // Several media: the number opens a menu of one link per media.
    await card.locator('summary').click();
    await card.getByRole('link', { name: 'Instagram' }).click();
    await expect(page).toHaveURL(/\/tracking\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('media')).toBe('instagram');
    expect(url.searchParams.get('supported')).toBe('yes');
    expect(url.searchParams.get('done')).toBe('yes');
    expect(n).toBeGreaterThan(0);
  });

  test('Tags: views, a tag filter and a tag column drill-down', async ({ page }) => {
    await page.goto('/tags?view=channel');
    await loaded(page);
    const all = await kpi(page, 'Tags applied').textContent();
    expect(count(all)).toBeGreaterThan(0);

    await page.getByLabel('Tags', { exact: true }).fill('venda');
    await applyFilters(page);
    await expect(page).toHaveURL(/tags=venda/);
    await loaded(page);
    await expect(kpi(page, 'Tags applied')).not.toHaveText(all ?? '');
    await checkA11y(page);
    await shot(page, 'reports-tags-channel');

    // A page's "venda" number: a page belongs to one media, so one link
    // ("(no channel)" spans every media and offers a menu instead).
    const link = page.getByRole('region', { name: /Tag report: By channel/ }).locator('tbody td > a.drill').first();
    const n = count(await link.textContent());
    await link.click();
    await expect(page).toHaveURL(/\/tracking\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('tags')).toBe('venda');
    expect(url.searchParams.get('channel')).not.toBeNull();
    await expectTrackingCount(page, n);
  });

  test('Chatbot conversations: protocol check, channel filter, session detail', async ({ page }) => {
    await page.goto('/bot');
    await loaded(page);
    await expect(page.getByRole('status').filter({ hasText: /sessions? loaded/ })).toBeVisible();

    // A protocol that isn't 17 digits with a real date is refused before any request.
    await page.getByLabel('Protocol').fill('2025133209263364');
    await applyFilters(page);
    await expect(page.getByRole('alert').filter({ hasText: 'YYYYMMDD' })).toBeVisible();
    await expect(page).not.toHaveURL(/protocol=/);
    await page.getByLabel('Protocol').fill('');

    await page.getByRole('group', { name: 'Channels' }).getByLabel('WhatsApp').check();
    await applyFilters(page);
    await expect(page).toHaveURL(/channel=whatsapp/);
    await loaded(page);
    const table = page.getByRole('region', { name: 'Chatbot sessions' });
    await expect(table.locator('tbody tr:not(.spacer)').first()).toContainText('WhatsApp');
    await checkA11y(page);
    await shot(page, 'reports-bot-whatsapp');

    const first = table.locator('tbody tr:not(.spacer)').first().getByRole('button').first();
    // By name: the list may refresh while the panel is open and put another row first.
    const sessionButton = page.getByRole('button', { name: (await first.getAttribute('aria-label'))!, exact: true });
    await sessionButton.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { level: 2 })).toContainText('Session');
    await expect(dialog.getByRole('heading', { name: /\d+ messages?/ })).toBeVisible();
    await expect(dialog.locator('.thread li').first()).toBeVisible();
    await checkA11y(page);
    await shot(page, 'reports-bot-session');
    // Tab stays in the panel; Escape closes it and gives focus back to the session's button.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(sessionButton).toBeFocused();
  });

  test('reports in pt-BR', async ({ page }) => {
    await page.goto('/ivr');
    await page.getByLabel('Language').selectOption('pt-BR');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Relatório de URA');
    await loaded(page);
    await expect(kpi(page, 'Recebidas')).toBeVisible();
    await shot(page, 'reports-ivr-pt-BR');
    await page.getByLabel('Idioma').selectOption('en');
  });
});

test.describe('reports as a supervisor', () => {
  test('count only their queues, and one of them on request', async ({ page }) => {
    await signIn(page, 'supervisor');
    await page.goto('/ivr');
    await loaded(page);
    const mine = count(await kpi(page, 'Received').textContent());
    expect(mine).toBeGreaterThan(0);
    const queue = page.getByLabel('Queue');
    await expect(queue.locator('option')).toHaveText(['All my queues', 'Vendas', 'Suporte']);
    await queue.selectOption('Vendas');
    await applyFilters(page);
    await expect(page).toHaveURL(/queue=Vendas/);
    await loaded(page);
    await expect(kpi(page, 'Received')).not.toHaveText(mine.toLocaleString('en-US'));
    expect(count(await kpi(page, 'Received').textContent())).toBeLessThan(mine);
    await checkA11y(page);
    await shot(page, 'reports-ivr-supervisor');
  });
});

// A request the API refuses shows its message naming the parameter. The
// browser logs every 400 response as a console error, so this one runs
// without the console guard the other tests have.
plain('a 400 shows the API message naming the parameter', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/bot?session=not%20an%20id');
  await expect(page.getByRole('alert')).toContainText('session: must be a session id');
  await page.goto('/agents?userStatus=sleeping');
  await expect(page.getByRole('alert')).toContainText('userStatus');
  await shot(page, 'reports-error-400');
});
