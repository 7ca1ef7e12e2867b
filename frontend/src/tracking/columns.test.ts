import { describe, expect, it } from 'vitest';
import { formatCell, localizeDateText, sortValue } from './columns';

describe('formatCell', () => {
  it.each([
    ['duration', 3725, 'en', '1:02:05'],
    ['acw', 59.6, 'pt-BR', '0:01:00'],
    ['jitterMs', 1234.5, 'en', '1,234.5'],
    ['jitterMs', 1234.5, 'pt-BR', '1.234,5'],
    ['date', '2026-11-03', 'en', '2026-11-03'],
    ['date', '2026-11-03', 'pt-BR', '03/11/2026'],
    ['dateAnswered', '2026-11-03 08:05:09', 'pt-BR', '03/11/2026 08:05:09'],
    ['clientEnd', '03-11-2026 08:05:09', 'en', '2026-11-03 08:05:09'],
    ['tags', ['a', 'b'], 'en', 'a, b'],
    ['agent', null, 'en', ''],
    ['protocol', '2026-11-03-08-05-09', 'pt-BR', '2026-11-03-08-05-09'],
  ] as const)('%s %j %s → %s', (key, v, locale, want) => {
    expect(formatCell(key, v, locale)).toBe(want);
  });
});

describe('sortValue', () => {
  it('orders voice end times by date', () => {
    const a = sortValue('clientEnd', '31-10-2026 23:00:00') as string;
    const b = sortValue('clientEnd', '01-11-2026 01:00:00') as string;
    expect(a < b).toBe(true);
  });
  it('keeps an unknown duration unknown', () => {
    expect(sortValue('duration', null)).toBeUndefined();
  });
});

describe('localizeDateText', () => {
  it('leaves other text alone', () => {
    expect(localizeDateText('hello', 'pt-BR')).toBe('hello');
  });
});
