import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, isCancellation } from '../api/client';
import { agentOptions, chosenAgents, shownAgents, toggleAgent, type AgentRow } from './agents';

// There is no agent directory endpoint: the names come from the Agents report of the
// period on screen (and media, when the screen has one), which lists the agents who
// could match.
export function useAgentOptions(range: { from: string; to: string }, media: string | undefined, chosen: string[]) {
  const agents = useQuery({
    queryKey: ['agent-names', range.from, range.to, media ?? ''],
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ from: range.from, to: range.to });
      if (media) p.set('media', media);
      return apiGet<{ rows: AgentRow[] }>('/v1/reports/agents', p, signal);
    },
    staleTime: 5 * 60_000,
  });
  const options = useMemo(() => agentOptions(agents.data?.rows ?? [], chosen), [agents.data, chosen]);
  return { options, isPending: agents.isPending, error: agents.error };
}

type Props = {
  label: string;
  value: string; // the chosen ids, comma-separated
  onChange: (value: string) => void;
  range: { from: string; to: string };
  media?: string;
};

// AgentPicker is the agent filter of the tracking screen and of the reports (seed 000's
// "Users"): a searchable list of names with a checkbox each, writing the agents' ids.
export function AgentPicker({ label, value, onChange, range, media }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const chosen = useMemo(() => chosenAgents(value), [value]);
  const { options, isPending, error } = useAgentOptions(range, media, chosen);
  const shown = shownAgents(options, search, chosen);

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
        placeholder={t('filters.searchAgents')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error && !isCancellation(error) && <small className="field-error">{error.message}</small>}
      <div className="agent-list" data-testid="agent-list">
        {isPending && <span className="muted">{t('filters.loadingAgents')}</span>}
        {shown.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => onChange(toggleAgent(chosen, o.id, e.target.checked))} />
            {o.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
