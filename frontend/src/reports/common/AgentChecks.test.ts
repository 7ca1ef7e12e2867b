import { describe, expect, it } from 'vitest';
import { agentOptions } from './AgentChecks';

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
