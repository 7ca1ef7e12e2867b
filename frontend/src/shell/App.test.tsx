import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import i18n from '../i18n';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const me = {
  identity: { tenant: 'demo', userId: 'u1', name: 'Ana Admin', role: 'admin', queues: [] },
  settings: { timeZone: 'America/Sao_Paulo', locale: 'en', slaMinutes: [1, 5] },
};

// The shell end to end with the API answered by fixtures: sign in from the demo-user
// list, land on the tracking screen with who is signed in in the header, sign out.
describe('App shell', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.setItem('rastro.lang', 'en');
    await i18n.changeLanguage('en');
    window.history.pushState(null, '', '/');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('signs in as a demo user and shows who is signed in', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
      const url = String(input);
      if (url === '/dev/users') return json(200, { users: [{ tenant: 'demo', role: 'admin', name: 'Ana Admin' }] });
      if (url === '/dev/token') {
        expect(JSON.parse(String(init?.body))).toEqual({ tenant: 'demo', role: 'admin', name: 'Ana Admin' });
        return json(200, { token: 'tok' });
      }
      if (url === '/v1/me') {
        expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
        return json(200, me);
      }
      return json(404, { error: { code: 'not_found', message: 'nope' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    render(<App />);
    // No token: the sign-in page.
    const button = await screen.findByTestId('signin-admin');
    expect(window.location.pathname).toBe('/signin');
    await act(async () => fireEvent.click(button));
    expect(await screen.findByTestId('who-name')).toHaveProperty('textContent', 'Ana Admin');
    expect(screen.getByTestId('who-zone').textContent).toBe('America/Sao_Paulo');
    expect(screen.getByTestId('who-role').textContent).toBe('Admin');
    expect(sessionStorage.getItem('rastro.token')).toBe('tok');
    expect(window.location.pathname).toBe('/tracking');
    // Exports are in an admin's navigation.
    expect(screen.getByRole('link', { name: 'Exports' })).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign out' })));
    expect(sessionStorage.getItem('rastro.token')).toBeNull();
    expect(await screen.findByTestId('signin-admin')).toBeTruthy();
  });

  it('shows the API error instead of a blank page', async () => {
    sessionStorage.setItem('rastro.token', 'tok');
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () => json(500, { error: { code: 'internal', message: 'internal error', requestId: 'req-42' } })),
    );
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('internal error');
    expect(screen.getByRole('alert').textContent).toContain('req-42');
  });
});
