// How the tracking table is ordered. The report API orders the whole result by start time
// only (`sort=desc`, newest first, the default; or `asc`) and pages through it, so:
//
// - the start-time columns sort through the API: their header writes `sort` (the same
//   state as the "Order" control), and the whole result comes back in that order;
// - any other column sorts in the browser, which can only order the rows it has: while
//   pages remain, the screen says so and offers to load them all (up to LOAD_ALL_CAP rows).
//
// The URL keeps both: `sort` for the API and `orderBy` for the column (`duration`
// ascending, `-duration` descending; a start column without a sign, its direction being
// `sort`'s), so a shared view opens in the same order.

export const SORT_PARAM = 'sort';
export const ORDER_BY_PARAM = 'orderBy';

// The columns that show the interaction's start (seed 000's DATE and TIME, seed 004's
// Created): the API's order is theirs.
export const START_KEYS: ReadonlySet<string> = new Set(['date', 'time', 'created']);

// The column that shows the API's order when the URL names none.
export const DEFAULT_START_KEY = 'date';

// How many rows "Load all and sort" fetches at most: past that, the browser would hold
// more than a screen can usefully sort, and an export gives the whole result instead.
export const LOAD_ALL_CAP = 10_000;

export type ColumnSort = { id: string; desc: boolean };

export type TrackingOrder = {
  api: 'asc' | 'desc'; // what the API is asked for
  column: ColumnSort; // what the table shows as sorted
  local: boolean; // the browser sorts the loaded rows (a column other than the start)
};

// readOrder is the order a tracking URL describes. A column the media doesn't have (a
// URL edited by hand, a link from another media) falls back to the API's order.
export function readOrder(url: URLSearchParams, columns?: readonly string[]): TrackingOrder {
  const api = url.get(SORT_PARAM) === 'asc' ? 'asc' : 'desc';
  const apiOrder = (id: string): TrackingOrder => ({ api, column: { id, desc: api === 'desc' }, local: false });
  const raw = url.get(ORDER_BY_PARAM) ?? '';
  const desc = raw.startsWith('-');
  const id = desc ? raw.slice(1) : raw;
  if (!id || (columns && !columns.includes(id))) return apiOrder(DEFAULT_START_KEY);
  if (START_KEYS.has(id)) return apiOrder(id);
  return { api, column: { id, desc }, local: true };
}

// writeOrder puts a column sort into the URL: a start column switches the API's order
// (and forgets any browser sort), any other column becomes the browser's sort.
export function writeOrder(url: URLSearchParams, next: ColumnSort | undefined): URLSearchParams {
  const out = new URLSearchParams(url);
  if (!next) {
    // Back to the API's order, which is always there underneath.
    out.delete(ORDER_BY_PARAM);
    return out;
  }
  if (START_KEYS.has(next.id)) {
    if (next.desc) out.delete(SORT_PARAM);
    else out.set(SORT_PARAM, 'asc');
    if (next.id === DEFAULT_START_KEY) out.delete(ORDER_BY_PARAM);
    else out.set(ORDER_BY_PARAM, next.id);
    return out;
  }
  out.set(ORDER_BY_PARAM, next.desc ? `-${next.id}` : next.id);
  return out;
}

// writeApiOrder is the "Order" control: the API's order by start, which is then also what
// the table shows (a browser sort by another column would hide the change).
export function writeApiOrder(url: URLSearchParams, api: 'asc' | 'desc'): URLSearchParams {
  const out = new URLSearchParams(url);
  if (api === 'asc') out.set(SORT_PARAM, 'asc');
  else out.delete(SORT_PARAM);
  const current = readOrder(url);
  if (current.local) out.delete(ORDER_BY_PARAM);
  return out;
}

export type SortNotice =
  | { kind: 'none' }
  | { kind: 'partial'; loaded: number } // sorted among the loaded rows; more pages remain
  | { kind: 'loading'; loaded: number } // loading every page for the sort
  | { kind: 'capped'; loaded: number }; // stopped at the cap with pages left

// sortNotice is what the screen says about a browser sort: nothing when the API orders the
// rows or every row is loaded.
export function sortNotice(order: TrackingOrder, loaded: number, hasMore: boolean, loadingAll: boolean, cap = LOAD_ALL_CAP): SortNotice {
  if (!order.local || !hasMore) return { kind: 'none' };
  if (loadingAll) return { kind: 'loading', loaded };
  if (loaded >= cap) return { kind: 'capped', loaded };
  return { kind: 'partial', loaded };
}
