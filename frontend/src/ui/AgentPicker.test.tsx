import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { AgentPicker } from './AgentPicker';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const agents = {
  rows: [
    { agentId: 'ag-2', agentName: 'Bruno Lima' },
    { agentId: 'ag-1', agentName: 'Ana Souza' },
    { agentId: 'ag-3', agentName: 'Mariana Alves' },
  ],
};

function Harness({ media, initial = '' }: { media?: string; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <AgentPicker label="Users" value={value} onChange={setValue} range={{ from: '2026-11-01', to: '2026-11-07' }} media={media} />
      <output data-testid="value">{value}</output>
    </>
  );
}

function show(ui: React.ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The one agent filter of the tracking screen (with its media) and the reports (without).
describe('AgentPicker', () => {
  for (const media of ['whatsapp', undefined]) {
    it(`lists the period's agents by name and writes their ids (media ${media ?? 'none'})`, async () => {
      const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify(agents), { status: 200 }));
      vi.stubGlobal('fetch', fetchMock);
      const user = userEvent.setup();
      show(<Harness media={media} />);
      expect(screen.getByText('Loading agents…')).toBeTruthy();
      await screen.findByLabelText('Ana Souza');
      const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://x');
      expect(url.pathname).toBe('/v1/reports/agents');
      expect(url.searchParams.get('from')).toBe('2026-11-01');
      expect(url.searchParams.get('to')).toBe('2026-11-07');
      expect(url.searchParams.get('media')).toBe(media ?? null);
      const names = screen.getAllByRole('checkbox').map((c) => c.parentElement?.textContent);
      expect(names).toEqual(['Ana Souza', 'Bruno Lima', 'Mariana Alves']);

      await user.click(screen.getByLabelText('Mariana Alves'));
      await user.click(screen.getByLabelText('Ana Souza'));
      expect(screen.getByTestId('value').textContent).toBe('ag-3,ag-1');
      expect(screen.getByRole('group', { name: 'Users (2)' })).toBeTruthy();

      // A search keeps the chosen agents in view.
      await user.type(screen.getByRole('searchbox', { name: 'Search agents' }), 'bru');
      expect(screen.getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual([
        'Ana Souza',
        'Bruno Lima',
        'Mariana Alves',
      ]);
      await user.clear(screen.getByRole('searchbox', { name: 'Search agents' }));
      await user.type(screen.getByRole('searchbox', { name: 'Search agents' }), 'lima');
      await user.click(screen.getByLabelText('Ana Souza'));
      expect(screen.getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual(['Bruno Lima', 'Mariana Alves']);
      expect(screen.getByTestId('value').textContent).toBe('ag-3');
    });
  }

  it('keeps an agent chosen earlier that the period no longer has', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => new Response(JSON.stringify(agents), { status: 200 })));
    show(<Harness initial="ag-9" />);
    const gone = await screen.findByLabelText('ag-9');
    expect((gone as HTMLInputElement).checked).toBe(true);
  });

  it("says why the names didn't come", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ error: { message: 'period too long' } }), { status: 400 })),
    );
    show(<Harness />);
    expect(await screen.findByText('period too long')).toBeTruthy();
  });
});
