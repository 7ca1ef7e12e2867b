import { describe, expect, it } from 'vitest';
import { apiQuery, extraFilters, fieldsFor, MEDIA, problems, validEmail, withMedia, type Media } from './filters';

const always = [
  'timeFrom',
  'timeTo',
  'agents',
  'services',
  'portfolio',
  'tags',
  'userTags',
  'protocol',
  'externalProtocol',
  'externalContactId',
  'contact',
  'agent',
  'queue',
  'channel',
  'disposition',
  'state',
];

// The media-specific fields each media shows, from seed 000's notes and seed 004's DID.
const specific: Record<Media, string[]> = {
  voice: ['voiceStatus', 'phone', 'did'],
  whatsapp: ['serviceStatus', 'expiration', 'phone', 'did'],
  chat: ['serviceStatus', 'expiration', 'phone'],
  email: ['email', 'phone'],
  sms: ['serviceStatus', 'phone', 'did'],
  instagram: ['serviceStatus'],
  facebook: ['serviceStatus'],
  telegram: ['serviceStatus'],
  webchat: ['serviceStatus'],
  reclameaqui: ['serviceStatus', 'phone'],
};

describe('fieldsFor', () => {
  it.each(MEDIA.map((m) => [m]))('%s shows exactly its fields', (m) => {
    const got = fieldsFor(m)
      .map((f) => f.param)
      .sort();
    expect(got).toEqual([...always, ...specific[m]].sort());
  });
});

describe('validEmail (seed 000 rule)', () => {
  it.each([
    ['test@gmail.com', true],
    ['user.name@company.com.br', true],
    ['abc123@mail.co', true],
    ['a+b_c-d@x-y.org', true],
    ['test@gmail', false],
    ['@gmail.com', false],
    ['test@.com', false],
    ['test@gmail.c', false],
    ['jo ão@x.com', false],
    ['joão@x.com', false],
    ['a@b@c.com', false],
    ['a<b>@c.com', false],
  ])('%s → %s', (v, ok) => {
    expect(validEmail(v)).toBe(ok);
  });
});

describe('problems', () => {
  it.each([
    ['email=bad', ['email']],
    ['email=ok%40x.com', []],
    ['timeFrom=25:00', ['timeFrom']],
    ['timeFrom=08:00&timeTo=18:30:00', []],
    ['timeTo=8h', ['timeTo']],
  ])('%s', (qs, want) => {
    expect(problems(new URLSearchParams(qs)).map((p) => p.param)).toEqual(want);
  });
});

describe('apiQuery', () => {
  const range = { from: '2026-11-01', to: '2026-11-07' };
  it.each([
    // a voice-only filter left in the URL is not sent for whatsapp
    ['media=whatsapp&voiceStatus=answered&agent=ana', 'whatsapp', 'media=whatsapp&from=2026-11-01&to=2026-11-07&agent=ana'],
    ['media=voice&voiceStatus=answered&expiration=active', 'voice', 'media=voice&from=2026-11-01&to=2026-11-07&voiceStatus=answered'],
    // UI-only params and empty values are dropped; sort passes
    ['cols=a,b&h=x&sort=asc&tags=', 'chat', 'media=chat&from=2026-11-01&to=2026-11-07&sort=asc'],
    // drill-down parameters pass for the media they apply to
    ['ivr=%22%22&respondedWithin=5', 'voice', 'media=voice&from=2026-11-01&to=2026-11-07&ivr=%22%22'],
    ['ivr=x&respondedWithin=5', 'sms', 'media=sms&from=2026-11-01&to=2026-11-07&respondedWithin=5'],
  ] as const)('%s for %s', (qs, media, want) => {
    expect(apiQuery(new URLSearchParams(qs), media, range).toString()).toBe(want);
  });
});

describe('withMedia', () => {
  it.each([
    ['media=voice&voiceStatus=answered&agent=ana&from=2026-11-01&cols=x', 'whatsapp', 'media=whatsapp&agent=ana&from=2026-11-01'],
    // The API's order stays; a column sort goes with the columns (they differ by media).
    ['media=voice&sort=asc&orderBy=-jitterMs', 'chat', 'media=chat&sort=asc'],
    ['media=chat&expiration=active&serviceStatus=completed', 'whatsapp', 'media=whatsapp&expiration=active&serviceStatus=completed'],
    ['media=chat&expiration=active&serviceStatus=completed', 'email', 'media=email'],
  ] as const)('%s → %s', (qs, media, want) => {
    expect(withMedia(new URLSearchParams(qs), media).toString()).toBe(want);
  });
});

describe('extraFilters', () => {
  it('lists drill-down parameters that apply', () => {
    expect(extraFilters(new URLSearchParams('ivr=Menu&waited=yes&category=x'), 'voice')).toEqual([
      { param: 'ivr', value: 'Menu' },
      { param: 'waited', value: 'yes' },
    ]);
  });
});
