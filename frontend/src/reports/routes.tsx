import { lazy, type ReactNode } from 'react';
import { REPORT_PATHS, type ReportPath } from './paths';

// Each report is its own chunk: ECharts and the report code load only when
// a report is opened, keeping them out of the initial bundle.
const IvrReport = lazy(() => import('./ivr/IvrReport'));
const AgentsReport = lazy(() => import('./agents/AgentsReport'));
const ConversationsReport = lazy(() => import('./conversations/ConversationsReport'));
const TagsReport = lazy(() => import('./tags/TagsReport'));
const BotReport = lazy(() => import('./bot/BotReport'));

const ELEMENTS: Record<ReportPath, ReactNode> = {
  ivr: <IvrReport />,
  agents: <AgentsReport />,
  conversations: <ConversationsReport />,
  tags: <TagsReport />,
  bot: <BotReport />,
};

// Report screens mounted by the core router under the signed-in layout
// (which wraps each in Suspense) and listed in its navigation.
export const reportRoutes: { path: string; labelKey: string; element: ReactNode }[] = REPORT_PATHS.map((r) => ({
  ...r,
  element: ELEMENTS[r.path],
}));
