import { defineConfig } from 'vitest/config';

// Test projects, picked by file name (see shared/style.md):
//   unit  *.test.ts        pure code, no I/O
//   db    *.db.test.ts     a real PostgreSQL: embedded by default, a fresh database on DATABASE_URL's server if set
//   api   *.api.test.ts    the app in process on a real PostgreSQL
//   media *.media.test.ts  real ffmpeg/ffprobe on real video, and the S3-compatible store (s3rver)
//   e2e   e2e/*.spec.ts    a real server process and Debian's chromium
const pure = ['**/*.db.test.ts', '**/*.api.test.ts', '**/*.media.test.ts', '**/node_modules/**', 'dist/**'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: pure, environment: 'node' } },
      { test: { name: 'db', include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'], globalSetup: ['test/support/global-db.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'api', include: ['src/**/*.api.test.ts', 'test/**/*.api.test.ts'], globalSetup: ['test/support/global-db.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'media', include: ['src/**/*.media.test.ts', 'test/**/*.media.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'e2e', include: ['e2e/**/*.spec.ts'], globalSetup: ['test/support/global-db.ts', 'test/support/global-web.ts'], testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false, retry: 0 } },
    ],
  },
});
