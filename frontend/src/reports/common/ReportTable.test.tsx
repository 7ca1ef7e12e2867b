import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MeProvider, type Me } from '../../auth/session';
import i18n from '../../i18n';
import { agentLabel, agentsDrills } from '../agents/model';
import { ivrDrills } from '../ivr/model';
import { withTotalsDrill, type AggregateReport, type ReportRow } from './aggregate';
import { ReportTable } from './ReportTable';

const me: Me = {
  identity: { tenant: 'demo', userId: 'u', name: 'Ana', role: 'admin', queues: [] },
  settings: { timeZone: 'America/Sao_Paulo', locale: 'en', slaMinutes: [1, 5, 15] },
};

const envelope = {
  zone: 'America/Sao_Paulo',
  from: '2026-11-22',
  to: '2026-11-22',
  generatedAt: '2026-11-22T13:00:00Z',
  dataThrough: '2026-11-22T13:00:00Z',
  readUnits: 1,
};

// The shapes of GET /v1/reports/agents as the dev stack answers it: rows with their
// media and drill, a totals row with neither.
const agents: AggregateReport = {
  ...envelope,
  report: 'agents',
  columns: [
    { key: 'agentName', header: 'Agent' },
    { key: 'status', header: 'Status' },
    { key: 'handled', header: 'Interactions' },
    { key: 'completed', header: 'Completed' },
    { key: 'pauses', header: 'Pauses' },
  ],
  rows: [
    { agentId: 'ag-1', agentName: 'Ana Souza', status: 'offline', handled: 2, completed: 1, pauses: 1, media: ['chat'], drill: 'finalAgents=ag-1' },
    { agentId: 'ag-2', agentName: 'Bruno Lima', status: 'paused', handled: 1, completed: 0, pauses: 0, media: ['chat'], drill: 'finalAgents=ag-2' },
  ],
  totals: { handled: 3, completed: 1, pauses: 1 },
  drill: {
    path: '/v1/reports/interactions',
    base: { chat: 'from=2026-11-22&media=chat&serviceStatus=all&state=all&to=2026-11-22' },
    metrics: { completed: { query: 'serviceStatus=completed', media: ['chat'] } },
  },
};

const ivr: AggregateReport = {
  ...envelope,
  report: 'ivr',
  view: 'ivr',
  columns: [
    { key: 'label', header: 'IVR', drill: false },
    { key: 'received', header: 'Received', drill: true },
    { key: 'answered', header: 'Answered', drill: true },
  ],
  rows: [{ key: 'Menu', label: 'Menu', received: 4, answered: 3, media: ['voice'], drill: 'ivr=Menu' }],
  totals: { key: '', label: 'Total', received: 4, answered: 3, media: ['voice'], drill: '' },
  drill: {
    path: '/v1/reports/interactions',
    base: { voice: 'from=2026-11-22&media=voice&state=all&to=2026-11-22' },
    metrics: { answered: { query: 'voiceStatus=answered' } },
  },
};

function show(report: AggregateReport, rowLabel: (r: ReportRow) => string, drills: typeof ivrDrills) {
  render(
    <MeProvider me={me}>
      <MemoryRouter>
        <ReportTable report={withTotalsDrill(report)} caption="Report" rowLabel={rowLabel} drills={drills} />
      </MemoryRouter>
    </MeProvider>,
  );
  const foot = screen.getByRole('table').querySelector('tfoot');
  if (!foot) throw new Error('no totals row');
  return within(foot as HTMLElement);
}

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

describe('ReportTable totals row', () => {
  it("links the Agents report's totals to every agent's interactions", () => {
    const foot = show(agents, agentLabel, agentsDrills);
    const links = foot.getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['3', '/tracking?finalAgents=ag-1%2Cag-2&from=2026-11-22&media=chat&serviceStatus=all&state=all&to=2026-11-22'],
      ['1', '/tracking?finalAgents=ag-1%2Cag-2&from=2026-11-22&media=chat&serviceStatus=completed&state=all&to=2026-11-22'],
    ]);
    expect(links[0]?.getAttribute('title')).toBe('List the interactions behind Interactions, Total');
    // Pauses come from agent events: no interaction list shows them.
    expect(foot.getByText('1', { selector: 'td' })).toBeTruthy();
  });

  it("links the IVR report's totals with the API's own totals drill-down", () => {
    const foot = show(ivr, (r) => String(r.label), ivrDrills);
    expect(foot.getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual([
      '/tracking?from=2026-11-22&media=voice&state=all&to=2026-11-22',
      '/tracking?from=2026-11-22&media=voice&state=all&to=2026-11-22&voiceStatus=answered',
    ]);
  });
});
