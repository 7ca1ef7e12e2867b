import { describe, expect, it } from 'vitest';
import { agentOptions, chosenAgents, shownAgents, toggleAgent } from './agents';

describe('agentOptions', () => {
  const rows = [
    { agentId: 'ag-2', agentName: 'Bruno' },
    { agentId: 'ag-1', agentName: 'Ana' },
    { agentId: 'ag-3', agentName: '' },
    { agentName: 'no id' },
  ];
  const cases: [string, string[], string[]][] = [
    ['by name, ids without a name by id', [], ['ag-3', 'Ana', 'Bruno']],
    ['a chosen agent missing from the period stays', ['ag-9'], ['ag-3', 'ag-9', 'Ana', 'Bruno']],
    ['a chosen agent present is listed once', ['ag-1'], ['ag-3', 'Ana', 'Bruno']],
  ];
  for (const [name, chosen, want] of cases) it(name, () => expect(agentOptions(rows, chosen).map((o) => o.name)).toEqual(want));
});

describe('chosenAgents', () => {
  const cases: [string, string[]][] = [
    ['', []],
    ['ag-1', ['ag-1']],
    ['ag-1,ag-2', ['ag-1', 'ag-2']],
    [' ag-1 , ,ag-2,', ['ag-1', 'ag-2']],
  ];
  for (const [value, want] of cases) it(JSON.stringify(value), () => expect(chosenAgents(value)).toEqual(want));
});

describe('shownAgents', () => {
  const options = [
    { id: 'ag-1', name: 'Ana' },
    { id: 'ag-2', name: 'Bruno' },
    { id: 'ag-3', name: 'Mariana' },
  ];
  const cases: [string, string, string[], string[]][] = [
    ['no search shows every agent', '', [], ['Ana', 'Bruno', 'Mariana']],
    ['a search matches inside names, any case', 'AN', [], ['Ana', 'Mariana']],
    ['a chosen agent stays in view', 'mar', ['ag-2'], ['Bruno', 'Mariana']],
    ['blank search is no search', '   ', [], ['Ana', 'Bruno', 'Mariana']],
  ];
  for (const [name, search, chosen, want] of cases)
    it(name, () => expect(shownAgents(options, search, chosen).map((o) => o.name)).toEqual(want));
});

describe('toggleAgent', () => {
  const cases: [string, string[], string, boolean, string][] = [
    ['adds in picking order', ['ag-2'], 'ag-1', true, 'ag-2,ag-1'],
    ['removes', ['ag-2', 'ag-1'], 'ag-2', false, 'ag-1'],
    ['adding twice keeps one', ['ag-1'], 'ag-1', true, 'ag-1'],
    ['removing the last empties', ['ag-1'], 'ag-1', false, ''],
  ];
  for (const [name, chosen, id, on, want] of cases) it(name, () => expect(toggleAgent(chosen, id, on)).toBe(want));
});
