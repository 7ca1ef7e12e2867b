import { describe, expect, it } from 'vitest';
import en from './en.json';
import pt from './pt-BR.json';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

// Every label exists in both languages: a key missing in one would show the other's text.
describe('locales', () => {
  it('en and pt-BR have the same keys', () => {
    expect(keys(pt).sort()).toEqual(keys(en).sort());
  });
});
