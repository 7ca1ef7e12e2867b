import { lazy, type ReactNode } from 'react';

// Each report is its own chunk: ECharts and the report code load only when
// a report is opened, keeping them out of the initial bundle.
const IvrReport = lazy(() => import('./ivr/IvrReport'));
const AgentsReport = lazy(() => import('./agents/AgentsReport'));
const ConversationsReport = lazy(() => import('./conversations/ConversationsReport'));
const TagsReport = lazy(() => import('./tags/TagsReport'));
const BotReport = lazy(() => import('./bot/BotReport'));

// Report screens mounted by the core router under the signed-in layout
// (which wraps each in Suspense) and listed in its navigation.
export const reportRoutes: { path: string; labelKey: string; element: ReactNode }[] = [
  { path: 'ivr', labelKey: 'nav.ivr', element: <IvrReport /> },
  { path: 'agents', labelKey: 'nav.agents', element: <AgentsReport /> },
  { path: 'conversations', labelKey: 'nav.conversations', element: <ConversationsReport /> },
  { path: 'tags', labelKey: 'nav.tags', element: <TagsReport /> },
  { path: 'bot', labelKey: 'nav.bot', element: <BotReport /> },
];
