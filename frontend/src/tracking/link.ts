// trackingLink builds the in-app URL of the Interaction Tracking screen showing exactly
// that filter: the drill-down target of every number in the reports. The screen reads
// its filter from these same search params, so the link is also shareable.
export const TRACKING_PATH = '/tracking';

export function trackingLink(query: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const v = query[key];
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      // Several values go as one comma list, quoting a value that holds a comma or a quote
      // as the API's list parameters take them (RFC 4180 style).
      if (v.length > 0) params.set(key, v.map(quoteListValue).join(','));
    } else if (v !== '') {
      // "No value" filters are passed as the API spells them: the two characters "".
      params.set(key, v);
    }
  }
  const qs = params.toString();
  return qs ? `${TRACKING_PATH}?${qs}` : TRACKING_PATH;
}

export function quoteListValue(v: string): string {
  if (v === '' || /[",]/.test(v) || v.trim() !== v) return `"${v.replaceAll('"', '""')}"`;
  return v;
}
