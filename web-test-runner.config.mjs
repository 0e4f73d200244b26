// Browser tests in Debian's Chromium, Firefox ESR and WebKitGTK (Playwright/puppeteer browser
// downloads fail on this network). `npm test` runs scripts/test-browsers.mjs, which runs this config
// once per engine (ENGINE=chromium|firefox|webkit) and starts Xvfb and WebKitWebDriver for WebKit.
// `npx wtr` alone runs Chromium.
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter } from '@web/test-runner';
import { inputPlugin } from './test/browser/input-plugin.mjs';
import { summaryReporter } from './test/browser/summary-reporter.mjs';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage',
];

const engine = process.env.ENGINE ?? 'chromium';
/** A loaded 2-core CI machine can take over 30 s (puppeteer's default) to start a browser. */
const LAUNCH_TIMEOUT = 180_000;

function browser() {
  if (engine === 'chromium') {
    return chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT },
    });
  }
  if (engine === 'firefox') {
    // puppeteer-core speaks WebDriver BiDi to Firefox; no geckodriver needed.
    return chromeLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        timeout: LAUNCH_TIMEOUT,
      },
    });
  }
  if (engine === 'webkit') {
    // WebKitWebDriver (started by scripts/test-browsers.mjs on WEBKIT_DRIVER_PORT) drives MiniBrowser.
    return webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: Number(process.env.WEBKIT_DRIVER_PORT ?? 8171),
      path: '/',
      logLevel: 'error',
      capabilities: { browserName: 'MiniBrowser', 'wdio:enforceWebDriverClassic': true },
    });
  }
  throw new Error(`ENGINE=${engine}: expected chromium, firefox or webkit`);
}

export default {
  files: 'test/browser/**/*.test.js',
  nodeResolve: true,
  // Parallel checkouts on one machine each need their own port.
  ...(process.env.WTR_PORT ? { port: Number(process.env.WTR_PORT) } : {}),
  concurrency: 1,
  testsFinishTimeout: 600_000,
  browserStartTimeout: LAUNCH_TIMEOUT,
  testsStartTimeout: LAUNCH_TIMEOUT,
  testFramework: { config: { timeout: 60_000 } },
  plugins: [inputPlugin()],
  reporters: [defaultReporter(), summaryReporter(engine)],
  browsers: [browser()],
};
