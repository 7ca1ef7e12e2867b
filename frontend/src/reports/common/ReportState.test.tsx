import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { MeProvider, type Me } from '../../auth/session';
import i18n from '../../i18n';
import { ReportState } from './ReportState';

const me: Me = {
  identity: { tenant: 'demo', userId: 'u', name: 'Ana', role: 'admin', queues: [] },
  settings: { timeZone: 'America/Sao_Paulo', locale: 'en', slaMinutes: [1, 5, 15] },
};

type Data = { generatedAt: string; dataThrough: string; n: number };
const data: Data = { generatedAt: '2026-11-22T13:00:00Z', dataThrough: '2026-11-22T13:00:00Z', n: 3 };

function show(query: { data?: Data; error: unknown; isPending: boolean }) {
  render(
    <MeProvider me={me}>
      <ReportState
        query={{ ...query, isFetching: false, refetch: () => undefined }}
        isEmpty={(d) => d.n === 0}
        emptyText="Nothing here"
      >
        {(d) => <p>figures {d.n}</p>}
      </ReportState>
    </MeProvider>,
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

describe('ReportState', () => {
  it('says it is loading', () => {
    show({ error: null, isPending: true });
    expect(screen.getByRole('status').textContent).toContain('Loading');
  });

  it("shows the API's message naming the parameter", () => {
    show({ error: new ApiError(400, 'timeFrom: must start on a quarter-hour', { field: 'timeFrom', requestId: 'r1' }), isPending: false });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('timeFrom: must start on a quarter-hour');
    expect(alert.textContent).toContain('r1');
  });

  it('says there is nothing, under the watermark', () => {
    show({ data: { ...data, n: 0 }, error: null, isPending: false });
    expect(screen.getByText('Nothing here')).toBeTruthy();
    expect(screen.getByTestId('freshness').textContent).toContain('2026');
  });

  it('renders the figures', () => {
    show({ data, error: null, isPending: false });
    expect(screen.getByText('figures 3')).toBeTruthy();
    expect(screen.getByTestId('freshness')).toBeTruthy();
  });
});
