import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatDuration, formatNumber, formatPercent, formatTime } from './format';

describe('formatNumber', () => {
  it.each([
    [1234567.891, 'en', '1,234,567.89'],
    [1234567.891, 'pt-BR', '1.234.567,89'],
    [0, 'pt-BR', '0'],
    [null, 'en', '–'],
    [Number.NaN, 'en', '–'],
  ])('%s %s → %s', (n, locale, want) => {
    expect(formatNumber(n, locale)).toBe(want);
  });
});

describe('formatPercent (API percentages, 0–100)', () => {
  it.each([
    [85.3, 'en', '85.3%'],
    [85.3, 'pt-BR', '85,3%'],
    [100, 'en', '100%'],
    [undefined, 'en', '–'],
  ])('%s %s → %s', (x, locale, want) => {
    expect(formatPercent(x, locale).replace(/\u00a0/g, '')).toBe(want);
  });
});

describe('formatDuration (H:MM:SS)', () => {
  it.each([
    [0, '0:00:00'],
    [59.4, '0:00:59'],
    [59.6, '0:01:00'],
    [3725, '1:02:05'],
    [90000, '25:00:00'],
    [-61, '-0:01:01'],
    [null, '–'],
  ])('%s → %s', (s, want) => {
    expect(formatDuration(s, 'en')).toBe(want);
  });
});

describe('dates in the tenant zone', () => {
  // 02:30 UTC is still the previous evening in São Paulo (UTC−3) and already
  // 08:00 in Kolkata (UTC+5:30).
  const iso = '2026-11-03T02:30:00Z';
  it.each([
    ['America/Sao_Paulo', 'en', '11/02/2026, 23:30:00', '11/02/2026', '23:30:00'],
    ['America/Sao_Paulo', 'pt-BR', '02/11/2026, 23:30:00', '02/11/2026', '23:30:00'],
    ['Asia/Kolkata', 'pt-BR', '03/11/2026, 08:00:00', '03/11/2026', '08:00:00'],
  ])('%s %s', (zone, locale, dt, d, t) => {
    expect(formatDateTime(iso, zone, locale)).toBe(dt);
    expect(formatDate(iso, zone, locale)).toBe(d);
    expect(formatTime(iso, zone, locale)).toBe(t);
  });
  it('shows a plain local date as is, whatever the zone', () => {
    expect(formatDate('2026-11-03', 'Asia/Kolkata', 'pt-BR')).toBe('03/11/2026');
    expect(formatDate('2026-11-03', 'America/Sao_Paulo', 'en')).toBe('11/03/2026');
  });
  it('shows a dash for nothing or garbage', () => {
    expect(formatDateTime(undefined, 'UTC', 'en')).toBe('–');
    expect(formatDateTime('not a date', 'UTC', 'en')).toBe('–');
  });
});

describe('formatBytes', () => {
  it.each([
    [512, 'en', '512 B'],
    [1536, 'en', '1.5 KiB'],
    [1536, 'pt-BR', '1,5 KiB'],
    [5 * 1024 * 1024, 'en', '5 MiB'],
  ])('%s %s → %s', (b, locale, want) => {
    expect(formatBytes(b, locale)).toBe(want);
  });
});
