import { describe, expect, it } from 'vitest';
import { describeHealth, isReady } from './health';

describe('describeHealth', () => {
  it('reports ready on 200', () => {
    expect(describeHealth(200, { status: 'ok' })).toBe('ready');
    expect(describeHealth(200, null)).toBe('ready');
    expect(isReady(200)).toBe(true);
  });

  it('reports seeding progress on 503', () => {
    expect(describeHealth(503, { status: 'seeding', seeded: 120, total: 5000 })).toBe('seeding 120/5000');
    expect(describeHealth(503, { status: 'seeding', seeded: 0, total: 0 })).toBe('seeding 0/0');
    expect(isReady(503)).toBe(false);
  });

  it('reports seeding without progress when counts are missing or malformed', () => {
    expect(describeHealth(503, { status: 'seeding' })).toBe('seeding');
    expect(describeHealth(503, { status: 'seeding', seeded: '3', total: 10 })).toBe('seeding');
    expect(describeHealth(503, { status: 'seeding', seeded: -1, total: 10 })).toBe('seeding');
    expect(describeHealth(503, { status: 'seeding', seeded: 1.5, total: 10 })).toBe('seeding');
  });

  it('reports errors and unknown answers', () => {
    expect(describeHealth(0, undefined)).toBe('unreachable');
    expect(describeHealth(500, { error: 'boom' })).toBe('error (HTTP 500)');
    expect(describeHealth(503, { status: 'down' })).toBe('error (HTTP 503)');
    expect(describeHealth(503, 'not json')).toBe('error (HTTP 503)');
    expect(describeHealth(503, [1, 2])).toBe('error (HTTP 503)');
    expect(describeHealth(404, null)).toBe('error (HTTP 404)');
  });
});
