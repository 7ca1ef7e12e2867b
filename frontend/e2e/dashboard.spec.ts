import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { REPORT_PATHS } from '../src/reports/paths';
import { checkA11y, DEMO, expect, OUTPUT_DIR, shot, signIn, test } from './fixtures';

mkdirSync(OUTPUT_DIR, { recursive: true });
import type { Locator, Page } from '@playwright/test';

// Texts of one column of the results table's rendered rows, found by its header.
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const table = page.locator('.results table');
  const headers = await table.locator('thead th').allInnerTexts();
  const idx = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
  expect(idx, `column ${header} in ${headers.join('|')}`).toBeGreaterThanOrEqual(0);
  const rows = table.locator('tbody tr:not(.spacer)');
  return rows.locator(`td:nth-child(${idx + 1})`).allInnerTexts();
}

// A narrow filter can take several report pages before its first row (each page reads a
// bounded number of items), which on a loaded machine takes a while.
async function waitForRows(page: Page): Promise<Locator> {
  const rows = page.locator('.results tbody tr:not(.spacer)');
  await expect(rows.first()).toBeVisible({ timeout: 120_000 });
  return rows;
}

test('admin filters WhatsApp interactions of last week by an agent, opens a history and exports them', async ({ page }) => {
  // The longest journey: several report page chains, an export job and a download.
  test.setTimeout(6 * 60_000);
  await signIn(page, 'admin');
  await expect(page.getByTestId('who-tenant')).toHaveText('demo');
  await expect(page.getByTestId('who-zone')).toHaveText('America/Sao_Paulo');

  await page.goto('/tracking');
  await page.getByTestId('media').selectOption('whatsapp');
  await page.getByLabel('Range').selectOption('last7');
  await expect(page).toHaveURL(/media=whatsapp/);
  await waitForRows(page);

  // Pick the first agent the period has, by name.
  const agent = page.getByTestId('agent-list').locator('label').first();
  await expect(agent).toBeVisible();
  const agentName = (await agent.innerText()).trim();
  await agent.locator('input').check();
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/agents=/);
  await waitForRows(page);
  await expect(page.getByTestId('result-count')).not.toContainText('more to come', { timeout: 120_000 });
  const agents = await columnTexts(page, 'AGENT');
  expect(agents.length).toBeGreaterThan(0);
  for (const a of agents) expect(a).toBe(agentName);
  await shot(page, 'tracking-whatsapp-agent');

  // The filter is in the URL: a reload shows the same view.
  const url = page.url();
  await page.reload();
  await waitForRows(page);
  expect(page.url()).toBe(url);

  // History drawer of the first row: a modal dialog that holds the keyboard.
  // By name: a refreshed list may put another row first while the drawer is open.
  const opener = page.getByRole('button', { name: (await page.getByTestId('open-history').first().getAttribute('aria-label'))!, exact: true });
  await opener.click();
  const drawer = page.getByTestId('history-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer).toBeFocused();
  for (const key of ['Shift+Tab', 'Shift+Tab', 'Tab']) {
    await page.keyboard.press(key);
    expect(await drawer.evaluate((el) => el.contains(document.activeElement)), `focus stays in the drawer after ${key}`).toBe(true);
  }
  await expect(drawer.getByRole('heading', { name: 'Transfer path' })).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Messages' })).toBeVisible();
  await drawer.getByTestId('order-newest').click();
  await expect(drawer.getByTestId('order-newest')).toHaveAttribute('aria-pressed', 'true');
  await checkA11y(page);
  await shot(page, 'history-drawer');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  // Focus is back on the row's H button, where the keyboard user left.
  await expect(opener).toBeFocused();

  // Export the current filter as CSV and download it.
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-requested')).toBeVisible();
  await page.getByTestId('export-requested').getByRole('link').click();
  await expect(page).toHaveURL(/\/exports\?job=/);
  const job = new URL(page.url()).searchParams.get('job')!;
  const download = page.getByTestId(`download-${job}`);
  await expect(download).toBeVisible({ timeout: 120_000 });
  await shot(page, 'exports');
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const text = readFileSync(await file.path(), 'utf8');
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
  expect(header.startsWith('DATE,TIME,PROTOCOL,SERVICE,AGENT')).toBe(true);
  const lines = text.trim().split(/\r?\n/);
  expect(lines.length - 1).toBe(agents.length);
});

// "DATE 2026-11-20, TIME 14:03:09" of every rendered row, comparable as text (en shows ISO dates).
async function starts(page: Page): Promise<string[]> {
  const dates = await columnTexts(page, 'DATE');
  const times = await columnTexts(page, 'TIME');
  return dates.map((d, i) => `${d} ${times[i]}`);
}

function seconds(hms: string): number {
  if (!hms) return -1;
  return hms.split(':').reduce((n, part) => n * 60 + Number(part), 0);
}

test('the start column orders the whole result through the API; other columns say what they sort', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  await signIn(page, 'admin');
  await page.goto('/tracking?media=voice');
  await waitForRows(page);
  const newest = (await starts(page))[0]!;
  const date = page.locator('.results thead th').filter({ has: page.getByRole('button', { name: 'DATE', exact: true }) });
  await expect(date).toHaveAttribute('aria-sort', 'descending');

  // The DATE header asks the API for the other order: a new request, the whole result.
  const asked = page.waitForRequest((r) => r.url().includes('/v1/reports/interactions') && new URL(r.url()).searchParams.get('sort') === 'asc');
  await date.getByRole('button').click();
  await asked;
  await expect(page).toHaveURL(/[?&]sort=asc/);
  await expect(date).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByLabel('Order', { exact: true })).toHaveValue('asc');
  await expect(async () => {
    const oldest = await starts(page);
    expect(oldest[0]! < newest, `${oldest[0]} before ${newest}`).toBe(true);
    expect([...oldest].sort()).toEqual(oldest);
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('sort-notice')).toHaveCount(0);

  // Any other column sorts the rows loaded, and says so until they all are.
  await page.getByRole('button', { name: 'DURATION', exact: true }).click();
  await expect(page).toHaveURL(/orderBy=-duration/);
  const notice = page.getByTestId('sort-notice');
  await expect(notice).toContainText('loaded so far, not the whole result');
  await checkA11y(page);
  await shot(page, 'tracking-sort-notice');
  await notice.getByTestId('load-all').click();
  await expect(notice).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('result-count')).not.toContainText('more to come');
  const durations = (await columnTexts(page, 'DURATION')).map(seconds);
  expect(durations.length).toBeGreaterThan(0);
  expect([...durations].sort((a, b) => b - a)).toEqual(durations);

  // The order is in the URL: a reload keeps it.
  await page.reload();
  await waitForRows(page);
  await expect(page.locator('.results thead th').filter({ has: page.getByRole('button', { name: 'DURATION', exact: true }) })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
});

test('a supervisor sees only the assigned queues, on the screen and in the file', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  await signIn(page, 'supervisor');
  await expect(page.getByTestId('who-role')).toContainText('Vendas, Suporte');
  await page.goto('/tracking?media=voice');
  await waitForRows(page);
  const queues = await columnTexts(page, 'QUEUE');
  expect(queues.length).toBeGreaterThan(0);
  for (const q of queues) expect(DEMO.supervisor.queues).toContain(q);
  // The queue filter offers exactly the assigned queues.
  const options = await page.getByLabel('Queue', { exact: true }).locator('option').allInnerTexts();
  expect(options.slice(1)).toEqual(DEMO.supervisor.queues);
  await checkA11y(page);
  await shot(page, 'tracking-supervisor');

  // The supervisor's export holds the same queues, and their list only their own jobs.
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-submit').click();
  await page.getByTestId('export-requested').getByRole('link').click();
  await expect(page).toHaveURL(/\/exports\?job=/);
  await expect(page.getByRole('heading', { name: 'Your export jobs' })).toBeVisible();
  const job = new URL(page.url()).searchParams.get('job')!;
  const download = page.getByTestId(`download-${job}`);
  await expect(download).toBeVisible({ timeout: 120_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const [head, ...rows] = csvRecords(readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, ''));
  const at = head!.indexOf('QUEUE');
  expect(at).toBeGreaterThanOrEqual(0);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(DEMO.supervisor.queues).toContain(row[at]);
});

// csvRecords reads RFC 4180 text (quoted fields may hold commas, quotes and line breaks).
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push(record);
      record = [];
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

test('switching to pt-BR translates the dashboard and is remembered', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/tracking?media=voice');
  await waitForRows(page);
  await page.getByTestId('language').selectOption('pt-BR');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Rastreamento de atendimentos' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.locator('.results thead')).toContainText('FILA');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rastreamento de atendimentos');
  await waitForRows(page);
  await checkA11y(page);
  await shot(page, 'tracking-pt-BR');
});

const screens = [
  { name: 'tracking', path: '/tracking?media=voice' },
  { name: 'tracking-chat', path: '/tracking?media=chat' },
  { name: 'exports', path: '/exports' },
  ...REPORT_PATHS.map((r) => ({ name: `report-${r.path}`, path: `/${r.path}` })),
];

test('sign-in page', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByTestId('signin-admin')).toBeVisible();
  await checkA11y(page);
  await shot(page, 'signin');
});

for (const s of screens) {
  test(`screen ${s.name}: no console errors, accessible`, async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto(s.path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Settled: nothing is loading any more.
    await expect(page.locator('.state-loading')).toHaveCount(0, { timeout: 60_000 });
    await checkA11y(page);
    await shot(page, `screen-${s.name}`);
  });
}

test('client and agent history windows', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/tracking?media=voice');
  await waitForRows(page);
  await page.getByTestId('open-client').first().click();
  const win = page.getByTestId('history-window');
  await expect(win).toBeVisible();
  await expect(win.locator('tbody tr:not(.spacer)').first()).toBeVisible();
  await checkA11y(page);
  await shot(page, 'history-client');
  await page.keyboard.press('Escape');
  await page.getByTestId('open-agent').first().click();
  await expect(win.locator('tbody tr:not(.spacer)').first()).toBeVisible();
  await shot(page, 'history-agent');
  // Voice history: call details with the recording player and its link.
  const id = await voiceCallWithRecording(page);
  await page.keyboard.press('Escape');
  await page.goto(`/tracking?media=voice&h=${encodeURIComponent(id)}`);
  const voice = page.getByTestId('voice');
  await expect(voice).toBeVisible();
  await expect(voice.locator('audio')).toHaveAttribute('src', /demo-call-\d\.wav/);
  await checkA11y(page);
  await shot(page, 'history-voice');
});

// voiceCallWithRecording asks the API (as the admin) for a recent voice call whose
// history carries a recording link. The last week, not the report's default of today: just
// after midnight in the tenant's zone, today holds a few night calls, none recorded.
async function voiceCallWithRecording(page: Page): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem('rastro.token'));
  const headers = { Authorization: `Bearer ${token}` };
  const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  const report = await page.request.get(`/v1/reports/interactions?media=voice&limit=100&from=${from}`, { headers });
  expect(report.ok()).toBe(true);
  const { rows } = (await report.json()) as { rows: { id: string }[] };
  for (const r of rows) {
    const h = await page.request.get(`/v1/interactions/${encodeURIComponent(r.id)}/history`, { headers });
    const body = (await h.json()) as { voice?: { recordingUrl?: string } };
    if (body.voice?.recordingUrl) return r.id;
  }
  throw new Error('no voice call with a recording among the latest 100');
}

// Time to first table render (docs/benchmarks.md): a signed-in user opens a tracking
// URL; the app marks the moment the first rows are in the table.
test('time to first table render', async ({ page }) => {
  await signIn(page, 'admin');
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto('/tracking?media=whatsapp');
    await waitForRows(page);
    const t = await page.evaluate(
      () => performance.getEntriesByName('rastro:first-table-render')[0]?.startTime ?? -1,
    );
    expect(t).toBeGreaterThan(0);
    samples.push(Math.round(t));
  }
  const line = `time to first table render (ms, navigation start → first rows): ${samples.join(', ')}`;
  console.log(line);
  writeFileSync(`${OUTPUT_DIR}first-table-render.txt`, `${line}\n`);
  await shot(page, 'first-table-render');
});
