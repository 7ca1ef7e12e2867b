import { useEffect, useState } from 'react';
import { describeHealth, isReady } from './health';

// How often /healthz is polled until the stack reports ready.
export const POLL_MS = 2000;

const tokenBody = '{"tenant":"demo","role":"admin","name":"Ana Admin"}';

// checkHealth asks GET /healthz once; a network failure is status 0.
async function checkHealth(signal: AbortSignal): Promise<{ status: number; body: unknown }> {
  try {
    const res = await fetch('/healthz', { headers: { Accept: 'application/json' }, signal });
    const body: unknown = await res.json().catch(() => null);
    return { status: res.status, body };
  } catch (err) {
    if (signal.aborted) throw err;
    return { status: 0, body: null };
  }
}

// useHealth polls /healthz until it answers 200, then stops.
function useHealth(): string {
  const [text, setText] = useState('checking…');
  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { status, body } = await checkHealth(ctrl.signal);
        setText(describeHealth(status, body));
        if (!isReady(status)) timer = setTimeout(poll, POLL_MS);
      } catch {
        // aborted: the component is gone
      }
    };
    void poll();
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, []);
  return text;
}

export function App() {
  const health = useHealth();
  const origin = window.location.origin;
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem', lineHeight: 1.5 }}>
      <h1>Rastro</h1>
      <p>The local stack is running. The dashboard is not built yet.</p>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <p>
          <span id="health-label">Local stack health:</span>{' '}
          <output aria-labelledby="health-label" aria-live="polite">
            {health}
          </output>
        </p>
      </section>

      <section aria-labelledby="api-heading">
        <h2 id="api-heading">Using the API</h2>
        <ol>
          <li>
            Get a token: <code>POST /dev/token</code> with <code>{tokenBody}</code>, for example
            <pre style={{ whiteSpace: 'pre-wrap' }}>
              <code>{`curl -s -XPOST ${origin}/dev/token -d '${tokenBody}'`}</code>
            </pre>
          </li>
          <li>
            Call the API under <code>/v1</code> with the header <code>Authorization: Bearer &lt;token&gt;</code>, for
            example <code>GET /v1/me</code>.
          </li>
        </ol>
      </section>
    </main>
  );
}
