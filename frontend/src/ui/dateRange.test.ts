import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, resolveRange, shortcutOf, shortcutRange, todayIn } from './dateRange';

// 2026-03-01T01:30Z: still 28 February in São Paulo (UTC−3), already 1 March in Kolkata.
const now = new Date('2026-03-01T01:30:00Z');

describe('todayIn', () => {
  it.each([
    ['America/Sao_Paulo', '2026-02-28'],
    ['Asia/Kolkata', '2026-03-01'],
    ['UTC', '2026-03-01'],
  ])('%s', (zone, want) => expect(todayIn(zone, now)).toBe(want));
});

describe('shortcutRange', () => {
  it.each([
    ['today', 'America/Sao_Paulo', '2026-02-28', '2026-02-28'],
    ['yesterday', 'America/Sao_Paulo', '2026-02-27', '2026-02-27'],
    ['last7', 'America/Sao_Paulo', '2026-02-22', '2026-02-28'],
    ['thisMonth', 'America/Sao_Paulo', '2026-02-01', '2026-02-28'],
    ['lastMonth', 'America/Sao_Paulo', '2026-01-01', '2026-01-31'],
    ['today', 'Asia/Kolkata', '2026-03-01', '2026-03-01'],
    ['yesterday', 'Asia/Kolkata', '2026-02-28', '2026-02-28'],
    ['thisMonth', 'Asia/Kolkata', '2026-03-01', '2026-03-01'],
    ['lastMonth', 'Asia/Kolkata', '2026-02-01', '2026-02-28'],
  ] as const)('%s in %s', (s, zone, from, to) => {
    expect(shortcutRange(s, zone, now)).toEqual({ from, to });
  });
  it('last month of January is December of the year before', () => {
    expect(shortcutRange('lastMonth', 'UTC', new Date('2026-01-15T12:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('shortcutOf', () => {
  it.each([
    [{ from: '2026-02-22', to: '2026-02-28' }, 'last7'],
    [{ from: '2026-02-28', to: '2026-02-28' }, 'today'],
    [{ from: '2026-02-01', to: '2026-02-10' }, 'custom'],
  ] as const)('%j → %s', (r, want) => expect(shortcutOf(r, 'America/Sao_Paulo', now)).toBe(want));
});

describe('resolveRange', () => {
  it.each([
    [null, null, { from: '2026-02-22', to: '2026-02-28' }],
    ['2026-02-01', null, { from: '2026-02-01', to: '2026-02-01' }],
    ['2026-02-10', '2026-02-01', { from: '2026-02-01', to: '2026-02-10' }],
    ['2026-02-30', '2026-02-05', { from: '2026-02-05', to: '2026-02-05' }],
    ['junk', 'junk', { from: '2026-02-22', to: '2026-02-28' }],
  ])('%s..%s', (f, t, want) => expect(resolveRange(f, t, 'America/Sao_Paulo', 'last7', now)).toEqual(want));
});

describe('helpers', () => {
  it('addDays crosses months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-2-1', false],
    ['', false],
  ])('isIsoDate(%s) = %s', (v, want) => expect(isIsoDate(v)).toBe(want));
});
