import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useSearchParams } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeProvider, type Me } from '../auth/session';
import i18n from '../i18n';
import { Results } from './Results';
import { writeOrder } from './sort';
import type { TrackingReport, TrackingRow } from './types';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const me = (role: 'admin' | 'supervisor'): Me => ({
  identity: { tenant: 'demo', userId: 'u', name: 'Ana', role, queues: [] },
  settings: { timeZone: 'America/Sao_Paulo', locale: 'en', slaMinutes: [1, 5, 15] },
});

const PAGES = 3;
const PER_PAGE = 60;
const TOTAL = PAGES * PER_PAGE;

// Interaction i started i minutes after midnight; its duration peaks in the oldest page (the last one newest first), so
// a sort among the first page's rows and one among all of them differ.
function row(i: number): TrackingRow {
  const hh = String(Math.floor(i / 60)).padStart(2, '0');
  const mm = String(i % 60).padStart(2, '0');
  return { id: `i-${i}`, media: 'chat', date: '2026-11-20', time: `${hh}:${mm}:00`, agent: `Agent ${i % 7}`, duration: i === 5 ? 9999 : i };
}

// The report API: start-time order by `sort`, PER_PAGE rows a page, a cursor per page.
function answer(url: URL): TrackingReport {
  const asc = url.searchParams.get('sort') === 'asc';
  const page = Number(url.searchParams.get('cursor') || '0');
  const all = Array.from({ length: TOTAL }, (_, i) => row(asc ? i : TOTAL - 1 - i));
  return {
    media: 'chat',
    zone: 'America/Sao_Paulo',
    from: '2026-11-20',
    to: '2026-11-20',
    sort: asc ? 'asc' : 'desc',
    columns: [
      { key: 'date', header: 'Date' },
      { key: 'time', header: 'Time' },
      { key: 'agent', header: 'Agent' },
      { key: 'duration', header: 'Duration' },
    ],
    rows: all.slice(page * PER_PAGE, (page + 1) * PER_PAGE),
    nextCursor: page + 1 < PAGES ? String(page + 1) : null,
    itemsRead: PER_PAGE,
  };
}

let requests: URL[] = [];

function Screen({ cap }: { cap?: number }) {
  const [params, setParams] = useSearchParams();
  const query = new URLSearchParams({ media: 'chat', from: '2026-11-20', to: '2026-11-20' });
  if (params.get('sort') === 'asc') query.set('sort', 'asc');
  return (
    <>
      <Results
        query={query}
        url={params}
        onSort={(next) => setParams((p) => writeOrder(p, next))}
        loadAllCap={cap}
        hidden={[]}
        onHiddenChange={() => {}}
        onHistory={() => {}}
        onContact={() => {}}
        onAgent={() => {}}
      />
      <output data-testid="url">{params.toString()}</output>
    </>
  );
}

function show({ url = '', cap, role = 'admin' }: { url?: string; cap?: number; role?: 'admin' | 'supervisor' } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MeProvider me={me(role)}>
        <MemoryRouter initialEntries={[`/tracking?${url}`]}>
          <Screen cap={cap} />
        </MemoryRouter>
      </MeProvider>
    </QueryClientProvider>,
  );
}

// The rendered rows' cells of one column (the table draws the rows in view).
function column(name: string): string[] {
  const table = screen.getByRole('table');
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, '').trim().toLowerCase());
  const idx = headers.indexOf(name.toLowerCase());
  return [...table.querySelectorAll('tbody tr:not(.spacer)')].map((tr) => tr.children[idx]?.textContent ?? '');
}

const header = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}`, 'i') });

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
beforeEach(() => {
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input) => {
      const url = new URL(String(input), 'http://test');
      requests.push(url);
      return new Response(JSON.stringify(answer(url)), { status: 200 });
    }),
  );
  // The virtualizer measures its scroll box; jsdom has no layout.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('tracking results order', () => {
  it('sorts the whole result through the API from the start column', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    expect(header('Date').closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(column('Time')[0]).toBe('02:59:00');

    await user.click(header('Date'));
    expect(screen.getByTestId('url').textContent).toBe('sort=asc');
    await waitFor(() => expect(column('Time')[0]).toBe('00:00:00'));
    expect(requests.at(-1)?.searchParams.get('sort')).toBe('asc');
    expect(header('Date').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    // The API orders the whole result: nothing to say about loaded rows.
    expect(screen.queryByTestId('sort-notice')).toBeNull();
  });

  it('says a column sort covers the loaded rows, and loads them all to sort', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    await user.click(header('Duration'));
    expect(screen.getByTestId('url').textContent).toBe('orderBy=-duration');
    expect(header('Duration').closest('th')?.getAttribute('aria-sort')).toBe('descending');
    // Among the first page (the newest 60 rows) the longest is 179 s.
    expect(column('Duration')[0]).toBe('0:02:59');
    const notice = screen.getByTestId('sort-notice');
    expect(notice.textContent).toContain('Sorted by DURATION among the 60 interactions loaded so far, not the whole result.');

    const calls = requests.length;
    await user.click(within(notice).getByRole('button', { name: 'Load all and sort (up to 10,000)' }));
    await waitFor(() => expect(screen.queryByTestId('sort-notice')).toBeNull());
    expect(requests.length - calls).toBe(PAGES - 1);
    expect(screen.getByTestId('result-count').textContent).toBe(`${TOTAL} interactions`);
    expect(column('Duration')[0]).toBe('2:46:39');
  });

  it('stops at the cap and points at Export', async () => {
    const user = userEvent.setup();
    show({ url: 'orderBy=agent', cap: 100 });
    await user.click(await screen.findByTestId('load-all'));
    await waitFor(() => expect(screen.getByTestId('sort-notice').textContent).toContain('first 120 interactions only'));
    expect(screen.getByTestId('sort-notice').textContent).toContain('Export gives the whole result');
    expect(requests.filter((u) => u.searchParams.get('cursor') === '2')).toHaveLength(0);
  });

  it('points a supervisor at Export too: their file holds their queues', async () => {
    const user = userEvent.setup();
    show({ url: 'orderBy=agent', cap: 100, role: 'supervisor' });
    await user.click(await screen.findByTestId('load-all'));
    await waitFor(() => expect(screen.getByTestId('sort-notice').textContent).toContain('first 120 interactions only'));
    expect(screen.getByTestId('sort-notice').textContent).toContain('Export gives the whole result');
  });

  it('opens a shared URL in its column order', async () => {
    show({ url: 'sort=asc&orderBy=agent' });
    await screen.findByRole('table');
    expect(header('Agent').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(column('Agent').slice(0, 3)).toEqual(['Agent 0', 'Agent 0', 'Agent 0']);
    expect(requests[0]?.searchParams.get('sort')).toBe('asc');
  });
});
