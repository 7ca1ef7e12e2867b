import { describe, expect, it } from 'vitest';
import {
  cellValue,
  drillMedia,
  drillQuery,
  listValues,
  MAX_LIST_VALUES,
  unionDrill,
  withTotalsDrill,
  type AggregateReport,
  type DrillSpec,
  type ReportRow,
} from './aggregate';

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

describe('listValues', () => {
  const cases: [string, string[]][] = [
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['"x,y",z', ['x,y', 'z']],
    ['"say ""hi""",b', ['say "hi"', 'b']],
    ['""', ['']],
  ];
  for (const [v, want] of cases) it(v, () => expect(listValues(v)).toEqual(want));
});

describe('unionDrill', () => {
  const cases: [string, string[], string | null][] = [
    ['one list of every row', ['finalAgents=ag-1', 'finalAgents=ag-2'], 'finalAgents=ag-1%2Cag-2'],
    ['a value twice once', ['finalAgents=ag-1', 'finalAgents=ag-1'], 'finalAgents=ag-1'],
    ['quoted values stay quoted', ['finalAgents=%22a%2Cb%22', 'finalAgents=c'], 'finalAgents=%22a%2Cb%22%2Cc'],
    ['the "no agent" row is the empty value', ['finalAgents=%22%22', 'finalAgents=ag-1'], 'finalAgents=%22%22%2Cag-1'],
    ['rows without conditions: the base', ['', ''], ''],
    ['a row without condition covers all', ['finalAgents=ag-1', ''], ''],
    ['different parameters do not join', ['finalAgents=ag-1', 'ivr=Menu'], null],
    ['two parameters in a row do not join', ['from=2026-11-01&to=2026-11-01'], null],
  ];
  for (const [name, drills, want] of cases) it(name, () => expect(unionDrill(drills)).toBe(want));
});

describe('withTotalsDrill', () => {
  const agentsDrill: DrillSpec = {
    path: '/v1/reports/interactions',
    base: {
      chat: 'from=2026-11-15&media=chat&serviceStatus=all&state=all&to=2026-11-21',
      voice: 'from=2026-11-15&media=voice&state=all&to=2026-11-21',
    },
    metrics: { completed: { query: 'serviceStatus=completed', media: ['chat'] } },
  };
  const report = (rows: ReportRow[], totals: ReportRow = { handled: 3 }): AggregateReport => ({
    report: 'agents',
    zone: 'America/Sao_Paulo',
    from: '2026-11-15',
    to: '2026-11-21',
    generatedAt: '',
    dataThrough: '',
    readUnits: 0,
    rows,
    totals,
    drill: agentsDrill,
  });

  it("joins the Agents rows' agents for its totals", () => {
    const r = report([
      { agentId: 'ag-2', drill: 'finalAgents=ag-2', media: ['chat'] },
      { agentId: 'ag-1', drill: 'finalAgents=ag-1', media: ['voice', 'chat'] },
      // Working time only: no interactions, nothing to list.
      { agentId: 'ag-3', drill: 'finalAgents=ag-3' },
    ]);
    const totals = withTotalsDrill(r).totals;
    expect(totals.media).toEqual(['voice', 'chat']);
    expect(totals.drill).toBe('finalAgents=ag-2%2Cag-1');
    expect(totals.handled).toBe(3);
    expect(drillQuery(agentsDrill, 'chat', totals.drill, 'completed')).toMatchObject({
      finalAgents: 'ag-2,ag-1',
      serviceStatus: 'completed',
    });
  });

  it("leaves a totals row that has its own drill-down alone", () => {
    const r = report([{ drill: 'ivr=A', media: ['voice'] }], { received: 1, drill: '', media: ['voice'] });
    expect(withTotalsDrill(r)).toBe(r);
  });

  const plain: [string, ReportRow[]][] = [
    ['a row no list can show', [{ drill: 'finalAgents=ag-1', media: ['chat'] }, { drill: null, media: ['chat'] }]],
    ["conditions that don't join", [{ drill: 'finalAgents=ag-1', media: ['chat'] }, { drill: 'ivr=A', media: ['voice'] }]],
    ['no row with interactions', [{ drill: 'finalAgents=ag-1' }]],
    [
      'more agents than the tracking report takes',
      Array.from({ length: MAX_LIST_VALUES }, (_, i) => ({ drill: `finalAgents=ag-${i}`, media: ['chat'] })),
    ],
  ];
  for (const [name, rows] of plain) {
    it(`keeps the totals plain for ${name}`, () => {
      const r = report(rows);
      expect(withTotalsDrill(r).totals.media).toBeUndefined();
      expect(withTotalsDrill(r).totals.drill).toBeUndefined();
    });
  }

  it('joins up to the limit, counting the base lists', () => {
    // serviceStatus=all is one list value of the chat base: 98 agents + 1 fit in 99.
    const rows = Array.from({ length: MAX_LIST_VALUES - 1 }, (_, i) => ({ drill: `finalAgents=ag-${i}`, media: ['chat'] }));
    expect(withTotalsDrill(report(rows)).totals.media).toEqual(['chat']);
  });
});
