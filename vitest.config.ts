import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/tempRoot.setup.ts', 'test/markdownWorker.setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/e2e/**'], environment: 'node', testTimeout: 20_000 },
      },
      {
        extends: true,
        // One browser at a time on a 2-core machine; each file starts its own server.
        test: { name: 'e2e', include: ['test/e2e/**/*.e2e.ts'], environment: 'node', testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false },
      },
    ],
  },
});
