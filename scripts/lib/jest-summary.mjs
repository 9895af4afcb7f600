// Prints "<N> passed, <M> failed[, <K> skipped]" from jest's --json report.
// Usage: jest-summary.mjs REPORT EXTRA_FAILURES. A suite that failed without a failing test
// (it crashed on import, or in a hook) counts as one failure, as does each extra failure.
import { readFileSync } from 'node:fs';

const [reportPath, extra = '0'] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  report = undefined; // jest died before writing it
}
const broken = report
  ? report.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length
  : 1;
const passed = report?.numPassedTests ?? 0;
const failed = (report?.numFailedTests ?? 0) + broken + Number(extra);
const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
