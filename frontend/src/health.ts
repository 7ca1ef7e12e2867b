// describeHealth turns a GET /healthz answer into the short text the
// placeholder page shows. The dev server answers 200 {"status":"ok"} once
// the demo tenant is seeded, and 503 {"status":"seeding","seeded":N,"total":M}
// before that. Status 0 stands for "no HTTP answer at all" (network error).
export function describeHealth(status: number, body: unknown): string {
  if (status === 200) return 'ready';
  if (status === 0) return 'unreachable';
  if (isRecord(body) && body.status === 'seeding') {
    const { seeded, total } = body;
    if (isCount(seeded) && isCount(total)) return `seeding ${seeded}/${total}`;
    return 'seeding';
  }
  return `error (HTTP ${status})`;
}

// isReady says whether polling can stop.
export function isReady(status: number): boolean {
  return status === 200;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
