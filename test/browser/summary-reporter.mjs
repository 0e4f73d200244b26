// One line per engine: passed / failed / skipped, and every skipped test with the reason its title
// carries (skipBecause() in helpers.js). With WTR_SUMMARY set, the counts are also written there as
// JSON for scripts/test-browsers.mjs.
import { writeFileSync } from 'node:fs';

export function summaryReporter(engine) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { engine, passed: 0, failed: 0, skipped: 0, fileErrors: 0, skippedTests: [], failedTests: [] };
      const walk = (suite, path, file) => {
        for (const test of suite.tests) {
          const name = `${file}: ${[...path, test.name].join(' › ')}`;
          if (test.skipped) {
            counts.skipped++;
            counts.skippedTests.push(name);
          } else if (test.passed) counts.passed++;
          else {
            counts.failed++;
            counts.failedTests.push(name);
          }
        }
        for (const child of suite.suites) walk(child, [...path, child.name], file);
      };
      for (const session of sessions) {
        const file = session.testFile.split('/').pop();
        if (session.testResults) walk(session.testResults, [], file);
        if ((session.errors ?? []).length > 0) {
          counts.fileErrors++;
          counts.failedTests.push(`${file}: ${session.errors.map((e) => e.message).join('; ')}`);
        }
      }
      const lines = [`[${engine}] passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}, file errors ${counts.fileErrors}`];
      for (const name of counts.skippedTests) lines.push(`[${engine}]   skipped: ${name}`);
      for (const name of counts.failedTests) lines.push(`[${engine}]   FAILED: ${name}`);
      console.log(lines.join('\n'));
      if (process.env.WTR_SUMMARY) writeFileSync(process.env.WTR_SUMMARY, JSON.stringify(counts, null, 2));
    },
  };
}
