import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Checks of the build output and store archives, which need no browser. */
const BUILD_CHECKS = ['tests/e2e/manifest.e2e.ts', 'tests/e2e/release.e2e.ts'];

/** Every browser test file runs twice: the Chromium build in Chromium, then the Firefox build in Firefox. */
const inBrowser = (name: 'chromium' | 'firefox', order: number) => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: BUILD_CHECKS,
    env: { E2E_BROWSER: name },
    sequence: { groupOrder: order },
  },
});

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    environment: 'node',
    globals: true,
    // One browser at a time: the machine has two cores and each test file launches a browser.
    fileParallelism: false,
    // Every test by name, with the reason of each skip (a browser feature the test needs).
    reporters: ['verbose'],
    testTimeout: 60_000,
    // Browsers on a busy machine: give what a test waits for time to happen.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    projects: [{ extends: true, test: { name: 'builds', include: BUILD_CHECKS, sequence: { groupOrder: 0 } } }, inBrowser('chromium', 1), inBrowser('firefox', 2)],
  },
});
