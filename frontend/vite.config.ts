import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Go dev server (make dev) listens on 127.0.0.1:3000 and serves dist/;
// `npm run dev` proxies the API to it for hot-reload work on the dashboard.
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/v1/': api,
      '/dev/': api,
      '/healthz': api,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
