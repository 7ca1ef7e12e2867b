import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { apiGet } from '../api/client';
import type { TrackingReport, TrackingRow } from './types';

// Rows per request. A page reads a bounded number of stored items, so a narrow filter can
// answer fewer rows (even none) with a cursor: the hook keeps asking until the screen has
// a screenful or the list ends.
export const PAGE_SIZE = 200;
const SCREENFUL = 50;

export function useTracking(query: URLSearchParams, enabled: boolean) {
  const key = query.toString();
  const q = useInfiniteQuery({
    queryKey: ['tracking', key],
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams(query);
      p.set('limit', String(PAGE_SIZE));
      if (pageParam) p.set('cursor', pageParam);
      return apiGet<TrackingReport>('/v1/reports/interactions', p, signal);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

  const rows = useMemo<TrackingRow[]>(() => q.data?.pages.flatMap((p) => p.rows) ?? [], [q.data]);
  const columns = q.data?.pages[0]?.columns ?? [];

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = q;
  useEffect(() => {
    if (!isError && hasNextPage && !isFetchingNextPage && rows.length < SCREENFUL) void fetchNextPage();
  }, [rows.length, hasNextPage, isFetchingNextPage, fetchNextPage, isError]);

  return { ...q, rows, columns };
}
