import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, POLL_MS } from './App';

declare global {
  // Tells React this is a test environment that wraps updates in act().
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('App', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows seeding progress, then ready, and stops polling', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(answer(503, { status: 'seeding', seeded: 10, total: 40 }))
      .mockResolvedValueOnce(answer(200, { status: 'ok' }));
    vi.stubGlobal('fetch', fetchMock);

    await act(async () => root.render(<App />));
    expect(container.querySelector('h1')?.textContent).toBe('Rastro');
    expect(container.querySelector('output')?.textContent).toBe('seeding 10/40');
    expect(fetchMock).toHaveBeenCalledWith('/healthz', expect.anything());

    await act(async () => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(container.querySelector('output')?.textContent).toBe('ready');

    await act(async () => vi.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('shows unreachable when the request fails', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('network')));
    await act(async () => root.render(<App />));
    expect(container.querySelector('output')?.textContent).toBe('unreachable');
  });
});
