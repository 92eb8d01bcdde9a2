import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:8080';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Two pages: the office app, and the handheld app (an installable web app with its own service worker).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        handheld: fileURLToPath(new URL('./src/web/handheld/index.html', import.meta.url)),
      },
    },
  },
  css: {
    preprocessorOptions: {
      scss: {
        // The stylesheets @use GOV.UK and MOJ Frontend as "node_modules/...", resolved from the repository root.
        loadPaths: [repoRoot],
        quietDeps: true,
        silenceDeprecations: ['import'],
      },
    },
  },
  server: {
    proxy: {
      // Not '/api': the web app's own modules live under /api/ (src/web/api).
      '/api/v1': api,
      '/api/docs': api,
      '/api/openapi.json': api,
      '/branding.css': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
});
