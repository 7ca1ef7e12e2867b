// The agent picker's pure parts: the agents it offers, what a search shows, and how a
// choice is written. Agents are picked by name and kept by id, the way every API agent
// filter takes them (a comma list of ids).

export type AgentRow = { agentId?: string; agentName?: string };
export type AgentOption = { id: string; name: string };

// chosenAgents reads the filter's comma list of ids.
export function chosenAgents(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

// agentOptions lists the period's agents by name (an agent without a name by id), keeping
// the chosen ones listed even when the period no longer has them, so a choice can always
// be undone.
export function agentOptions(rows: AgentRow[], chosen: string[]): AgentOption[] {
  const list = rows.filter((r) => r.agentId).map((r) => ({ id: r.agentId as string, name: r.agentName || (r.agentId as string) }));
  for (const id of chosen) if (!list.some((o) => o.id === id)) list.push({ id, name: id });
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

// shownAgents is what a search leaves on screen: the names holding the text, and every
// chosen agent, so a search never hides what is already picked.
export function shownAgents(options: AgentOption[], search: string, chosen: string[]): AgentOption[] {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return options;
  return options.filter((o) => o.name.toLocaleLowerCase().includes(needle) || chosen.includes(o.id));
}

// toggleAgent adds or removes one id, keeping the order the agents were picked in.
export function toggleAgent(chosen: string[], id: string, on: boolean): string {
  const next = on ? (chosen.includes(id) ? chosen : [...chosen, id]) : chosen.filter((c) => c !== id);
  return next.join(',');
}
