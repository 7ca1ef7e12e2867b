import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRouter } from 'react-router';
import i18n from '../../i18n';
import type { DrillSpec, ReportRow } from './aggregate';
import { DrillNumber } from './DrillNumber';

const drill: DrillSpec = {
  path: '/v1/reports/interactions',
  base: { voice: 'media=voice&state=all', chat: 'media=chat&state=all&serviceStatus=all' },
  metrics: { completed: { query: 'serviceStatus=completed', media: ['chat'] } },
};

function show(row: ReportRow, metric = 'handled') {
  render(
    <MemoryRouter>
      <DrillNumber drill={drill} row={row} metric={metric} describe="Interactions, Ana">
        42
      </DrillNumber>
    </MemoryRouter>,
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

describe('DrillNumber', () => {
  it('links a one-media row to its tracking list', () => {
    show({ drill: 'finalAgents=ag-1', media: ['voice'] });
    const link = screen.getByRole('link', { name: '42' });
    expect(link.getAttribute('href')).toBe('/tracking?finalAgents=ag-1&media=voice&state=all');
    expect(link.getAttribute('title')).toBe('List the interactions behind Interactions, Ana');
  });

  it('offers one link per media for a row of several', () => {
    show({ drill: 'finalAgents=ag-1', media: ['chat', 'voice'] }, 'completed');
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Voice', 'Chat']);
    expect(links[1]?.getAttribute('href')).toBe('/tracking?finalAgents=ag-1&media=chat&serviceStatus=completed&state=all');
    expect(links[0]?.getAttribute('href')).toBe('/tracking?finalAgents=ag-1&media=voice&state=all');
  });

  const plain: [string, ReportRow][] = [
    ['a null drill', { drill: null, media: ['voice'] }],
    ['no media', { drill: '' }],
    ['a media without base', { drill: '', media: ['email'] }],
  ];
  for (const [name, row] of plain) {
    it(`shows the bare number for ${name}`, () => {
      show(row);
      expect(screen.queryByRole('link')).toBeNull();
      expect(screen.getByText('42')).toBeTruthy();
    });
  }
});
