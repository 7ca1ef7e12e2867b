import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client';
import type { Media } from './filters';

type AgentsReport = { rows: { agentId?: string; agentName?: string }[] };

// AgentPicker chooses agents (seed 000's "Users") by name and writes their ids. The names
// come from the Agents report of the same period and media: the agents who could match.
export function AgentPicker({
  label,
  value,
  onChange,
  range,
  media,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  range: { from: string; to: string };
  media: Media;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const agents = useQuery({
    queryKey: ['agent-names', range.from, range.to, media],
    queryFn: ({ signal }) =>
      apiGet<AgentsReport>('/v1/reports/agents', new URLSearchParams({ from: range.from, to: range.to, media }), signal),
    staleTime: 5 * 60_000,
  });
  const selected = useMemo(() => new Set(value ? value.split(',') : []), [value]);
  const options = useMemo(() => {
    const list = (agents.data?.rows ?? [])
      .filter((r): r is { agentId: string; agentName?: string } => Boolean(r.agentId))
      .map((r) => ({ id: r.agentId, name: r.agentName || r.agentId }));
    // Agents already chosen stay listed even when the period no longer has them.
    for (const s of selected) if (!list.some((o) => o.id === s)) list.push({ id: s, name: s });
    return list.sort((a, b) => a.name.localeCompare(b.name));
  }, [agents.data, selected]);
  const needle = search.trim().toLocaleLowerCase();
  const shown = needle ? options.filter((o) => o.name.toLocaleLowerCase().includes(needle)) : options;

  function toggle(agentId: string) {
    const next = new Set(selected);
    if (next.has(agentId)) next.delete(agentId);
    else next.add(agentId);
    onChange([...next].join(','));
  }

  return (
    <fieldset className="field field-agents">
      <legend>
        {label}
        {selected.size > 0 && ` (${selected.size})`}
      </legend>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('filters.searchAgents')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder={t('filters.searchAgents')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {agents.isPending && <small>{t('state.loading')}</small>}
      {agents.isError && <small className="field-error">{agents.error.message}</small>}
      <div className="agent-list" data-testid="agent-list">
        {shown.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={selected.has(o.id)} onChange={() => toggle(o.id)} />
            {o.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
