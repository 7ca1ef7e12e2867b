import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { completeCognitoSignIn } from './auth/cognito';
import { loadConfig } from './auth/config';
import { setSignInError } from './signin/signInError';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');

async function start(el: HTMLElement) {
  const config = await loadConfig();
  if (config.cognito) {
    try {
      const next = await completeCognitoSignIn(config.cognito);
      if (next) window.history.replaceState(null, '', next);
    } catch (err) {
      setSignInError(err instanceof Error ? err.message : String(err));
      window.history.replaceState(null, '', '/signin');
    }
  }
  createRoot(el).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start(root);
