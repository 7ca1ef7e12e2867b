import { describe, expect, it } from 'vitest';
import { quoteListValue, trackingLink } from './link';

describe('trackingLink', () => {
  it.each([
    [{ media: 'voice' }, '/tracking?media=voice'],
    [{ media: 'whatsapp', from: '2026-11-01', to: '2026-11-07', agents: ['a1', 'a2'] }, '/tracking?agents=a1%2Ca2&from=2026-11-01&media=whatsapp&to=2026-11-07'],
    [{ media: 'chat', channel: ['Acme, Inc', 'Page'] }, '/tracking?channel=%22Acme%2C+Inc%22%2CPage&media=chat'],
    [{ media: 'voice', ivr: '""' }, '/tracking?ivr=%22%22&media=voice'],
    [{ media: 'voice', tags: [], agent: '' }, '/tracking?media=voice'],
    [{}, '/tracking'],
  ])('%j', (q, want) => expect(trackingLink(q)).toBe(want));
});

describe('quoteListValue', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    [' padded', '" padded"'],
    ['', '""'],
  ])('%s → %s', (v, want) => expect(quoteListValue(v)).toBe(want));
});
