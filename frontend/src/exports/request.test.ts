import { describe, expect, it } from 'vitest';
import { defaultOptions, exportBody, fromParams, isLive, toParams } from './request';

describe('toParams', () => {
  it.each([
    ['media=whatsapp&from=2026-11-01', { media: 'whatsapp', from: '2026-11-01' }],
    ['media=voice&agents=a1&agents=a2', { media: 'voice', agents: ['a1', 'a2'] }],
    ['media=chat&cursor=x&limit=50', { media: 'chat' }],
  ])('%s', (qs, want) => {
    expect(toParams(new URLSearchParams(qs))).toEqual(want);
    expect(toParams(fromParams(toParams(new URLSearchParams(qs))))).toEqual(want);
  });
});

describe('exportBody', () => {
  const q = new URLSearchParams('media=whatsapp');
  it.each([
    [{ ...defaultOptions('pt-BR') }, { format: 'csv', csv: { delimiter: ';', bom: true, language: 'pt-BR' }, gzip: false }],
    [{ ...defaultOptions('en'), gzip: true }, { format: 'csv', csv: { delimiter: ',', bom: false, language: 'en' }, gzip: true }],
    [{ ...defaultOptions('en'), format: 'xlsx' as const, gzip: true }, { format: 'xlsx' }],
    [{ ...defaultOptions('en'), format: 'jsonl' as const, gzip: true }, { format: 'jsonl', gzip: true }],
  ])('%j', (o, want) => {
    expect(exportBody(q, o)).toEqual({ report: 'interactions', params: { media: 'whatsapp' }, ...want });
  });
});

describe('isLive', () => {
  it.each([
    ['queued', true],
    ['running', true],
    ['succeeded', false],
    ['failed', false],
  ])('%s', (s, want) => expect(isLive(s)).toBe(want));
});
