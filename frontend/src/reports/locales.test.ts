import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import pt from './locales/pt-BR.json';

type Tree = { [k: string]: string | Tree };

function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

// Every screen's source as text (Vite's raw import), tests excluded.
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.*'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

// i18next's plural forms: a key used with a count resolves to key_one / key_other.
function has(all: Set<string>, key: string): boolean {
  return all.has(key) || (all.has(`${key}_one`) && all.has(`${key}_other`));
}

describe('reports locales', () => {
  const enKeys = keys(en as Tree);
  const ptKeys = keys(pt as Tree);

  it('pt-BR has every en key and no other', () => {
    expect([...ptKeys].sort()).toEqual([...enKeys].sort());
  });

  it('no value is empty', () => {
    const empty = (t: Tree): boolean => Object.values(t).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v)));
    expect(empty(en as Tree)).toBe(false);
    expect(empty(pt as Tree)).toBe(false);
  });

  it('every literal key the screens use exists', () => {
    const all = new Set(enKeys);
    const used = new Set<string>();
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/labelKey: '([a-zA-Z][\w.]*)'/g)) used.add(m[1] as string);
    }
    const missing = [...used].filter((k) => !has(all, k));
    expect(missing).toEqual([]);
  });
});
