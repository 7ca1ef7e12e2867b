import { useCallback, useEffect, useRef, useState } from 'react';
import { LOAD_ALL_CAP } from './sort';

export type Progress = { loaded: number; hasMore: boolean; failed?: boolean };

export type LoadAllEnd = 'done' | 'capped' | 'stopped' | 'failed';

// loadAllPages follows the cursor page after page until the list ends, `cap` rows are
// loaded, a page fails (the screen shows that error) or `stopped()` says the screen no
// longer wants them (the user pressed Stop, the filters changed, the screen was left).
// Pages are asked one at a time: the next cursor comes with the previous page.
export async function loadAllPages(
  start: Progress,
  nextPage: () => Promise<Progress>,
  stopped: () => boolean,
  cap = LOAD_ALL_CAP,
): Promise<LoadAllEnd> {
  let p = start;
  for (;;) {
    if (stopped()) return 'stopped';
    if (p.failed) return 'failed';
    if (!p.hasMore) return 'done';
    if (p.loaded >= cap) return 'capped';
    p = await nextPage();
  }
}

type Pages = {
  rows: unknown[];
  hasNextPage: boolean;
  fetchNextPage: (o?: { cancelRefetch?: boolean }) => Promise<{
    data?: { pages: { rows: unknown[] }[] };
    hasNextPage: boolean;
    isError: boolean;
  }>;
};

// useLoadAll drives loadAllPages for an infinite query: `running` while it fetches; a new
// query (key) or leaving the screen stops it, as does `stop`.
export function useLoadAll(q: Pages, key: string, cap = LOAD_ALL_CAP) {
  const [running, setRunning] = useState(false);
  const generation = useRef(0);
  const latest = useRef(q);
  latest.current = q;

  useEffect(() => {
    generation.current++;
    setRunning(false);
  }, [key]);
  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const start = useCallback(async () => {
    const mine = ++generation.current;
    setRunning(true);
    const stopped = () => generation.current !== mine;
    try {
      await loadAllPages(
        { loaded: latest.current.rows.length, hasMore: latest.current.hasNextPage },
        async () => {
          // A page the scroll already asked for is joined, not asked again.
          const r = await latest.current.fetchNextPage({ cancelRefetch: false });
          const loaded = r.data?.pages.reduce((n, p) => n + p.rows.length, 0) ?? 0;
          return { loaded, hasMore: r.hasNextPage, failed: r.isError };
        },
        stopped,
        cap,
      );
    } finally {
      if (!stopped()) setRunning(false);
    }
  }, [cap]);

  const stop = useCallback(() => {
    generation.current++;
    setRunning(false);
  }, []);

  return { running, start, stop };
}
