import { describe, expect, it } from 'vitest';
import { buildConfig } from './config';
import { challengeOf } from './pkce';

describe('buildConfig', () => {
  const origin = 'https://d111.cloudfront.net';
  it.each([
    ['dev server: nothing configured', {}, {}, { apiUrl: '', cognito: undefined }],
    [
      'deployed config.json',
      { apiUrl: 'https://api.example/prod/', clientId: 'abc', authDomain: 'https://rastro.auth.example.com' },
      {},
      { apiUrl: 'https://api.example/prod', cognito: { domain: 'https://rastro.auth.example.com', clientId: 'abc', redirectUri: origin } },
    ],
    [
      'build-time env wins',
      { clientId: 'abc', authDomain: 'https://a.example' },
      { VITE_COGNITO_CLIENT_ID: 'xyz', VITE_COGNITO_REDIRECT_URI: 'http://localhost:5173' },
      { apiUrl: '', cognito: { domain: 'https://a.example', clientId: 'xyz', redirectUri: 'http://localhost:5173' } },
    ],
    ['a client without a domain is not Cognito', { clientId: 'abc' }, {}, { apiUrl: '', cognito: undefined }],
  ])('%s', (_name, runtime, env, want) => {
    expect(buildConfig(runtime, env, origin)).toEqual(want);
  });
});

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});
