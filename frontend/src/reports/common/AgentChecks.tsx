import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client';
import { useDateRange } from '../../ui/DateRange';
import { splitList } from './filters';

type AgentsRows = { rows: { agentId?: string; agentName?: string }[] };

export type AgentOption = { id: string; name: string };

// agentOptions lists the period's agents by name, keeping the chosen ones
// listed even when the period no longer has them.
export function agentOptions(rows: AgentsRows['rows'], chosen: string[]): AgentOption[] {
  const list = rows.filter((r) => r.agentId).map((r) => ({ id: r.agentId as string, name: r.agentName || (r.agentId as string) }));
  for (const id of chosen) if (!list.some((o) => o.id === id)) list.push({ id, name: id });
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

type Props = { label: string; value: string; onChange: (v: string) => void };

// AgentChecks picks agents by name and keeps their ids (what the API's
// agent filters take). The names come from the Agents report of the
// period on screen: the agents who could match.
export function AgentChecks({ label, value, onChange }: Props) {
  const { t } = useTranslation('reports');
  const id = useId();
  const range = useDateRange('last7');
  const [search, setSearch] = useState('');
  const chosen = useMemo(() => splitList(value), [value]);
  const agents = useQuery({
    queryKey: ['agent-names', range.from, range.to],
    queryFn: ({ signal }) => apiGet<AgentsRows>('/v1/reports/agents', new URLSearchParams(range), signal),
    staleTime: 5 * 60_000,
  });
  const options = useMemo(() => agentOptions(agents.data?.rows ?? [], chosen), [agents.data, chosen]);
  const needle = search.trim().toLocaleLowerCase();
  const shown = needle ? options.filter((o) => o.name.toLocaleLowerCase().includes(needle) || chosen.includes(o.id)) : options;

  function toggle(agent: string, on: boolean) {
    const next = on ? [...chosen, agent] : chosen.filter((c) => c !== agent);
    onChange(next.join(','));
  }

  return (
    <fieldset className="field field-agents">
      <legend>
        {label}
        {chosen.length > 0 && ` (${chosen.length})`}
      </legend>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('filters.searchAgents')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={search}
        placeholder={t('filters.searchAgents')}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="agent-list">
        {agents.isPending && <span className="muted">{t('filters.loadingAgents')}</span>}
        {shown.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
            {o.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
