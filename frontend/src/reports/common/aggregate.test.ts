import { describe, expect, it } from 'vitest';
import { cellValue, drillMedia, drillQuery, type DrillSpec } from './aggregate';

const drill: DrillSpec = {
  path: '/v1/reports/interactions',
  base: {
    voice: 'from=2026-11-15&media=voice&state=all&to=2026-11-21&zone=America%2FSao_Paulo',
    chat: 'from=2026-11-15&media=chat&serviceStatus=all&state=all&to=2026-11-21&zone=America%2FSao_Paulo',
  },
  metrics: {
    answered: { query: 'voiceStatus=answered' },
    completed: { query: 'serviceStatus=completed', media: ['chat'] },
    conversations: {},
  },
};

describe('drillQuery', () => {
  const cases: {
    name: string;
    media: string;
    row: string | null | undefined;
    metric: string;
    want: Record<string, string | string[]> | null;
  }[] = [
    {
      name: 'base, row and metric',
      media: 'voice',
      row: 'ivr=Cancelamento',
      metric: 'answered',
      want: {
        from: '2026-11-15',
        to: '2026-11-21',
        media: 'voice',
        state: 'all',
        zone: 'America/Sao_Paulo',
        ivr: 'Cancelamento',
        voiceStatus: 'answered',
      },
    },
    {
      name: 'a date row replaces the period',
      media: 'voice',
      row: 'from=2026-11-16&to=2026-11-16',
      metric: 'received',
      want: { from: '2026-11-16', to: '2026-11-16', media: 'voice', state: 'all', zone: 'America/Sao_Paulo' },
    },
    {
      name: 'a later part replaces the service status',
      media: 'chat',
      row: '',
      metric: 'completed',
      want: {
        from: '2026-11-15',
        to: '2026-11-21',
        media: 'chat',
        serviceStatus: 'completed',
        state: 'all',
        zone: 'America/Sao_Paulo',
      },
    },
    {
      name: 'a metric for other media lists the row',
      media: 'voice',
      row: 'finalAgents=ag-1',
      metric: 'completed',
      want: { from: '2026-11-15', to: '2026-11-21', media: 'voice', state: 'all', zone: 'America/Sao_Paulo', finalAgents: 'ag-1' },
    },
    {
      name: 'the quoted empty value survives',
      media: 'voice',
      row: 'ivr=%22%22',
      metric: 'received',
      want: { from: '2026-11-15', to: '2026-11-21', media: 'voice', state: 'all', zone: 'America/Sao_Paulo', ivr: '""' },
    },
    { name: 'no drill for a null row', media: 'voice', row: null, metric: 'answered', want: null },
    { name: 'no drill for a media without base', media: 'email', row: '', metric: 'answered', want: null },
  ];
  for (const c of cases) {
    it(c.name, () => expect(drillQuery(drill, c.media, c.row, c.metric)).toEqual(c.want));
  }

  it('keeps repeated parameters', () => {
    const d: DrillSpec = { path: '', base: { chat: 'media=chat&tags=a&tags=b' }, metrics: {} };
    expect(drillQuery(d, 'chat', '', 'x')).toEqual({ media: 'chat', tags: ['a', 'b'] });
  });
});

describe('drillMedia', () => {
  const cases = [
    { name: 'in the API order', row: { media: ['chat', 'voice'] }, want: ['voice', 'chat'] },
    { name: 'only media with a base', row: { media: ['email', 'chat'] }, want: ['chat'] },
    { name: 'none for a null drill', row: { media: ['voice'], drill: null }, want: [] },
    { name: 'none without media', row: {}, want: [] },
  ];
  for (const c of cases) it(c.name, () => expect(drillMedia(drill, c.row)).toEqual(c.want));
  it('none without a drill spec', () => expect(drillMedia(undefined, { media: ['voice'] })).toEqual([]));
});

describe('cellValue', () => {
  const row = { received: 4, counts: { venda: 3, 'a,b': 2 } };
  const cases: [string, unknown][] = [
    ['received', 4],
    ['tag:venda', 3],
    ['tag:a,b', 2],
    ['tag:none', 0],
    ['missing', undefined],
  ];
  for (const [key, want] of cases) it(key, () => expect(cellValue(row, key)).toEqual(want));
});
