// Browser tests run in Debian's Chromium (Playwright/puppeteer browser downloads fail on this network).
import { chromeLauncher } from '@web/test-runner-chrome';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage',
];

export default {
  files: 'test/browser/**/*.test.js',
  nodeResolve: true,
  // Parallel checkouts on one machine each need their own port.
  ...(process.env.WTR_PORT ? { port: Number(process.env.WTR_PORT) } : {}),
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 60_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
