import { describe, expect, it } from 'vitest';
import { loadAllPages, type Progress } from './loadAll';

// A list of `total` rows answered `page` at a time; `failAt` fails that call.
function pager(start: number, total: number, page: number, failAt?: number) {
  let loaded = start;
  let calls = 0;
  return {
    calls: () => calls,
    next: async (): Promise<Progress> => {
      calls++;
      if (calls === failAt) return { loaded, hasMore: true, failed: true };
      loaded = Math.min(total, loaded + page);
      return { loaded, hasMore: loaded < total };
    },
  };
}

describe('loadAllPages', () => {
  it('follows the cursor to the end', async () => {
    const p = pager(200, 900, 200);
    expect(await loadAllPages({ loaded: 200, hasMore: true }, p.next, () => false, 10_000)).toBe('done');
    expect(p.calls()).toBe(4);
  });

  it('stops at the cap', async () => {
    const p = pager(200, 50_000, 200);
    expect(await loadAllPages({ loaded: 200, hasMore: true }, p.next, () => false, 1_000)).toBe('capped');
    expect(p.calls()).toBe(4);
  });

  it('asks nothing when all is loaded', async () => {
    const p = pager(30, 30, 200);
    expect(await loadAllPages({ loaded: 30, hasMore: false }, p.next, () => false)).toBe('done');
    expect(p.calls()).toBe(0);
  });

  it('keeps going through pages that bring no rows (a bounded read found none)', async () => {
    let calls = 0;
    const next = async (): Promise<Progress> => {
      calls++;
      return calls < 3 ? { loaded: 10, hasMore: true } : { loaded: 15, hasMore: false };
    };
    expect(await loadAllPages({ loaded: 10, hasMore: true }, next, () => false)).toBe('done');
    expect(calls).toBe(3);
  });

  it('stops on a failed page', async () => {
    const p = pager(200, 5_000, 200, 2);
    expect(await loadAllPages({ loaded: 200, hasMore: true }, p.next, () => false)).toBe('failed');
    expect(p.calls()).toBe(2);
  });

  it('stops when the screen no longer wants the rows', async () => {
    const p = pager(200, 5_000, 200);
    let stop = false;
    const next = async () => {
      const r = await p.next();
      if (p.calls() === 3) stop = true;
      return r;
    };
    expect(await loadAllPages({ loaded: 200, hasMore: true }, next, () => stop)).toBe('stopped');
    expect(p.calls()).toBe(3);
  });
});
