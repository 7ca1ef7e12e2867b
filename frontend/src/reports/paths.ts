// The report screens' paths and navigation labels, apart from their components so that
// code outside the app (the e2e tests visit every report) can list them without React.
export const REPORT_PATHS = [
  { path: 'ivr', labelKey: 'nav.ivr' },
  { path: 'agents', labelKey: 'nav.agents' },
  { path: 'conversations', labelKey: 'nav.conversations' },
  { path: 'tags', labelKey: 'nav.tags' },
  { path: 'bot', labelKey: 'nav.bot' },
] as const;

export type ReportPath = (typeof REPORT_PATHS)[number]['path'];
