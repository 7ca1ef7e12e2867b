import { describe, expect, it } from 'vitest';
import { readOrder, sortNotice, writeApiOrder, writeOrder, type TrackingOrder } from './sort';

const qs = (s: string) => new URLSearchParams(s);

describe('readOrder', () => {
  const cols = ['date', 'time', 'duration', 'agent', 'created'];
  const cases: [string, string, string[] | undefined, TrackingOrder][] = [
    ['the default: the API, newest first, shown on Date', '', cols, { api: 'desc', column: { id: 'date', desc: true }, local: false }],
    ['oldest first', 'sort=asc', cols, { api: 'asc', column: { id: 'date', desc: false }, local: false }],
    ['the API order shown on Created', 'sort=asc&orderBy=created', cols, { api: 'asc', column: { id: 'created', desc: false }, local: false }],
    ["a start column's sign is sort's", 'orderBy=-time', cols, { api: 'desc', column: { id: 'time', desc: true }, local: false }],
    ['a column ascending, in the browser', 'orderBy=duration', cols, { api: 'desc', column: { id: 'duration', desc: false }, local: true }],
    ['a column descending', 'sort=asc&orderBy=-agent', cols, { api: 'asc', column: { id: 'agent', desc: true }, local: true }],
    ['a column the media lacks: the API order', 'orderBy=-jitterMs', cols, { api: 'desc', column: { id: 'date', desc: true }, local: false }],
    ['columns not known yet: trusted', 'orderBy=-jitterMs', undefined, { api: 'desc', column: { id: 'jitterMs', desc: true }, local: true }],
    ['an unknown sort is the default', 'sort=sideways', cols, { api: 'desc', column: { id: 'date', desc: true }, local: false }],
  ];
  for (const [name, url, columns, want] of cases) it(name, () => expect(readOrder(qs(url), columns)).toEqual(want));
});

describe('writeOrder', () => {
  const cases: [string, string, { id: string; desc: boolean } | undefined, string][] = [
    ['Date ascending asks the API oldest first', 'media=chat', { id: 'date', desc: false }, 'media=chat&sort=asc'],
    ['Date descending is the default', 'media=chat&sort=asc', { id: 'date', desc: true }, 'media=chat'],
    ['a start column replaces a browser sort', 'media=chat&orderBy=-duration', { id: 'date', desc: false }, 'media=chat&sort=asc'],
    ['another start column is remembered', 'media=chat', { id: 'created', desc: false }, 'media=chat&sort=asc&orderBy=created'],
    ['a column sorts in the browser, the API order stays', 'media=chat&sort=asc', { id: 'duration', desc: true }, 'media=chat&sort=asc&orderBy=-duration'],
    ['ascending has no sign', 'media=chat&orderBy=-duration', { id: 'duration', desc: false }, 'media=chat&orderBy=duration'],
    ['no sort: back to the API order', 'media=chat&sort=asc&orderBy=agent', undefined, 'media=chat&sort=asc'],
  ];
  for (const [name, url, next, want] of cases) it(name, () => expect(writeOrder(qs(url), next).toString()).toBe(want));

  it('round-trips through readOrder', () => {
    for (const next of [
      { id: 'date', desc: false },
      { id: 'date', desc: true },
      { id: 'time', desc: false },
      { id: 'duration', desc: true },
      { id: 'agent', desc: false },
    ]) {
      expect(readOrder(writeOrder(qs('media=voice'), next)).column).toEqual(next);
    }
  });
});

describe('writeApiOrder', () => {
  const cases: [string, string, 'asc' | 'desc', string][] = [
    ['oldest first', 'media=sms', 'asc', 'media=sms&sort=asc'],
    ['newest first is the default', 'media=sms&sort=asc', 'desc', 'media=sms'],
    ['drops a browser sort, which would hide the change', 'media=sms&orderBy=-duration', 'asc', 'media=sms&sort=asc'],
    ['keeps the start column the order shows on', 'media=sms&orderBy=created', 'asc', 'media=sms&orderBy=created&sort=asc'],
  ];
  for (const [name, url, api, want] of cases) it(name, () => expect(writeApiOrder(qs(url), api).toString()).toBe(want));
});

describe('sortNotice', () => {
  const api = readOrder(qs(''));
  const local = readOrder(qs('orderBy=-duration'));
  const cases: [string, TrackingOrder, number, boolean, boolean, string][] = [
    ['the API order needs no notice', api, 200, true, false, 'none'],
    ['every row loaded: the sort is whole', local, 180, false, false, 'none'],
    ['pages left: the sort is partial', local, 200, true, false, 'partial'],
    ['loading them all', local, 400, true, true, 'loading'],
    ['at the cap with pages left', local, 10_000, true, false, 'capped'],
    ['past the cap (a page ends beyond it)', local, 10_150, true, false, 'capped'],
    ['at the cap but the list ended', local, 10_000, false, false, 'none'],
  ];
  for (const [name, order, loaded, more, loading, want] of cases)
    it(name, () => expect(sortNotice(order, loaded, more, loading).kind).toBe(want));
});
