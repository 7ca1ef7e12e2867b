import { CancelledError, QueryClientProvider, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '../App';
import i18n from '../i18n';
import { ErrorState } from '../ui/States';
import { ApiError, apiGet, isCancellation } from './client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

// A fetch that answers only when told to, and rejects as browsers do when its signal aborts.
function pendingFetch() {
  const started: string[] = [];
  const aborted: string[] = [];
  const fn = vi.fn<typeof fetch>(
    (input, init) =>
      new Promise<Response>((_, reject) => {
        const url = String(input);
        started.push(url);
        init?.signal?.addEventListener('abort', () => {
          aborted.push(url);
          reject(init.signal?.reason ?? new DOMException('The user aborted a request.', 'AbortError'));
        });
      }),
  );
  return { fn, started, aborted };
}

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
let consoleErrors: unknown[][] = [];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void consoleErrors.push(args));
  vi.spyOn(console, 'warn').mockImplementation((...args) => void consoleErrors.push(args));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('isCancellation', () => {
  const cases: [string, unknown, boolean][] = [
    ['an aborted fetch', new DOMException('The user aborted a request.', 'AbortError'), true],
    ["TanStack Query's own", new CancelledError(), true],
    ['an API error', new ApiError(500, 'internal error'), false],
    ['a network failure', new TypeError('Failed to fetch'), false],
    ['a string', 'AbortError', false],
    ['nothing', undefined, false],
  ];
  for (const [name, err, want] of cases) it(name, () => expect(isCancellation(err)).toBe(want));
});

describe('a cancelled request', () => {
  it('rejects as a cancellation whatever the abort reason was', async () => {
    const f = pendingFetch();
    vi.stubGlobal('fetch', f.fn);
    const ctl = new AbortController();
    const p = apiGet('/v1/me', undefined, ctl.signal);
    ctl.abort('left the screen');
    const err = await p.catch((e: unknown) => e);
    expect(isCancellation(err)).toBe(true);
    expect(err).not.toBeInstanceOf(ApiError);
  });

  it('is never retried', () => {
    const retry = makeQueryClient().getDefaultOptions().queries?.retry as (n: number, e: unknown) => boolean;
    expect(retry(0, new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(retry(0, new ApiError(503, 'unavailable'))).toBe(true);
    expect(retry(0, new ApiError(400, 'bad request'))).toBe(false);
  });

  it('shows no error', () => {
    const { container } = render(<ErrorState error={new DOMException('aborted', 'AbortError')} onRetry={() => {}} />);
    expect(container.textContent).toBe('');
  });
});

function Report({ filter }: { filter: string }) {
  const q = useQuery({
    queryKey: ['report', filter],
    queryFn: ({ signal }) => apiGet<{ n: number }>('/v1/reports/ivr', new URLSearchParams({ filter }), signal),
  });
  if (q.isError) return <ErrorState error={q.error} />;
  return <p>{q.isPending ? 'loading' : q.data.n}</p>;
}

function Pages({ filter }: { filter: string }) {
  const q = useInfiniteQuery({
    queryKey: ['pages', filter],
    queryFn: ({ signal, pageParam }) =>
      apiGet<{ rows: number[]; next: string | null }>('/v1/reports/interactions', new URLSearchParams({ filter, cursor: pageParam }), signal),
    initialPageParam: '',
    getNextPageParam: (p) => p.next,
  });
  if (q.isError) return <ErrorState error={q.error} />;
  return <p>{q.isPending ? 'loading' : q.data.pages.length}</p>;
}

// What the screens do: the filters change while a request is out, then the user leaves.
describe('requests called off by TanStack Query', () => {
  for (const [name, View] of [
    ['a report', Report],
    ['a paged list', Pages],
  ] as const) {
    it(`are no error on screen or in the console (${name})`, async () => {
      const f = pendingFetch();
      vi.stubGlobal('fetch', f.fn);
      const client = makeQueryClient();
      const ui = (filter: string) => (
        <QueryClientProvider client={client}>
          <View filter={filter} />
        </QueryClientProvider>
      );
      const { rerender, unmount } = render(ui('a'));
      await act(async () => {});
      rerender(ui('b'));
      await act(async () => {});
      expect(f.aborted).toHaveLength(1);
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByText('loading')).toBeTruthy();
      unmount();
      await act(async () => {});
      expect(f.aborted).toHaveLength(2);
      // The cancelled queries went back to where they were, not to an error.
      for (const query of client.getQueryCache().getAll()) expect(query.state.status).not.toBe('error');
      expect(consoleErrors).toEqual([]);
    });
  }
});
