// Writes e2e/artifacts/results.json ({passed, failed, skipped, tests}) for scripts/lib/web.sh,
// which adds the counts to scripts/test's total. A test that timed out or was interrupted failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const artifacts = join(import.meta.dirname, 'artifacts');

export default class ResultsReporter {
  /** @type {{ name: string, status: string, ms: number, error?: string }[]} */
  tests = [];
  /** @type {string[]} */
  errors = [];

  /** @param {import('@playwright/test/reporter').TestCase} test @param {import('@playwright/test/reporter').TestResult} result */
  onTestEnd(test, result) {
    const status = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
    this.tests.push({ name: test.titlePath().filter(Boolean).join(' › '), status, ms: result.duration, ...(result.error ? { error: result.error.message } : {}) });
  }

  /** A global setup or worker error outside any test (the server did not start, a spec did not load). @param {import('@playwright/test/reporter').TestError} error */
  onError(error) {
    this.errors.push(error.message ?? String(error));
  }

  onEnd() {
    const count = (/** @type {string} */ s) => this.tests.filter((t) => t.status === s).length;
    const summary = { passed: count('passed'), failed: count('failed') + this.errors.length, skipped: count('skipped'), tests: this.tests, errors: this.errors };
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'results.json'), JSON.stringify(summary, null, 2));
    console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (screenshots in e2e/artifacts)`);
  }
}
