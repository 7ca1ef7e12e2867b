import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeProvider, type Me } from '../../auth/session';
import i18n from '../../i18n';
import BotReport from './BotReport';
import type { BotPage, BotSession, BotSessionDetail } from './model';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const me: Me = {
  identity: { tenant: 'demo', userId: 'u', name: 'Ana', role: 'admin', queues: [] },
  settings: { timeZone: 'America/Sao_Paulo', locale: 'en', slaMinutes: [1, 5, 15] },
};

function session(id: string, channel: string): BotSession {
  return {
    id,
    channel,
    phone: '+5511900000000',
    name: 'Cliente',
    contact: '',
    start: '2026-11-20 10:00:00',
    end: '2026-11-20 10:05:00',
    protocol: '20261120100000000',
    labels: [],
    info: {},
    wentToHuman: false,
    queue: '',
    endReason: 'completed',
    status: 'closed',
  };
}

function page(channel: string | null): BotPage {
  const sessions = channel ? [session('s-wa', 'whatsapp')] : [session('s-tg', 'telegram'), session('s-wa', 'whatsapp')];
  return {
    zone: 'America/Sao_Paulo',
    from: '2026-11-14',
    to: '2026-11-20',
    channels: [],
    sort: 'desc',
    generatedAt: '2026-11-20T13:00:00Z',
    dataThrough: '2026-11-20T13:00:00Z',
    sessions,
    totals: { count: sessions.length },
    nextCursor: null,
    itemsRead: sessions.length,
  };
}

function detail(id: string): BotSessionDetail {
  return {
    zone: 'America/Sao_Paulo',
    generatedAt: '2026-11-20T13:00:00Z',
    dataThrough: '2026-11-20T13:00:00Z',
    session: { ...session(id, 'whatsapp'), conversations: [], messages: [] },
  };
}

function Url() {
  const loc = useLocation();
  return <output data-testid="url">{loc.search}</output>;
}

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input) => {
      const url = new URL(String(input), 'http://test');
      const body = url.pathname.startsWith('/v1/bot-sessions/')
        ? detail(decodeURIComponent(url.pathname.split('/').pop()!))
        : page(url.searchParams.get('channel'));
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('BotReport session panel', () => {
  it('opens over the filtered list, keeps the filter, and gives focus back on Escape', async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MeProvider me={me}>
          <MemoryRouter initialEntries={['/bot']}>
            <BotReport />
            <Url />
          </MemoryRouter>
        </MeProvider>
      </QueryClientProvider>,
    );
    await screen.findByRole('button', { name: 'Open session s-tg' });
    await user.click(screen.getByRole('group', { name: 'Channels' }).querySelector('input[value="whatsapp"]')!);
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Open session s-tg' })).toBeNull());

    const opener = screen.getByRole('button', { name: 'Open session s-wa' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Session s-wa' });
    // The list's filter stays in the URL with the open session.
    expect(new URLSearchParams(screen.getByTestId('url').textContent!).get('channel')).toBe('whatsapp');
    expect(new URLSearchParams(screen.getByTestId('url').textContent!).get('open')).toBe('s-wa');
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('url').textContent).toBe('?channel=whatsapp');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open session s-wa' }));
  });
});
