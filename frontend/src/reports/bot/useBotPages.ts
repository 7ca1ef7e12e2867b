import { useInfiniteQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import { BOT_PATH, botParams, type BotPage } from './model';

// useBotPages pages through the report with its signed cursor: every page
// the user has scrolled to stays loaded, the next one is asked on demand.
export function useBotPages(search: URLSearchParams, range: { from: string; to: string }, enabled: boolean) {
  const first = botParams(search, range);
  return useInfiniteQuery({
    queryKey: ['report', BOT_PATH, first.toString()],
    queryFn: ({ pageParam, signal }) => apiGet<BotPage>(BOT_PATH, botParams(search, range, pageParam), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
