// A jest reporter beside the default one: after the summary, every skipped test of the run with the reason
// its name gives ("... (skipped: MONGO_URL is not set)"), so a plain `npm test` says what it did not run and
// why. A skipped test whose name gives no reason is listed as such: name one when you skip.
const path = require('node:path');

const SKIPPED = new Set(['pending', 'skipped', 'todo', 'disabled']);
const REASON = /\(skipped: ([^)]*)\)/;

/** Every skipped test of the run: its file (relative to rootDir), full name and reason (or null). */
function skippedTests(results, rootDir) {
  const found = [];
  for (const file of results.testResults) {
    for (const test of file.testResults) {
      if (!SKIPPED.has(test.status)) continue;
      const name = test.fullName || [...test.ancestorTitles, test.title].join(' ');
      const reason = REASON.exec(name);
      found.push({
        file: path.relative(rootDir, file.testFilePath),
        name: name.replace(REASON, '').replace(/\s+/g, ' ').trim(),
        reason: reason ? reason[1] : null,
      });
    }
  }
  return found;
}

/** The lines printed: nothing when nothing was skipped. */
function skipReport(results, rootDir) {
  const skipped = skippedTests(results, rootDir);
  if (skipped.length === 0) return '';
  const lines = [`Skipped tests (${skipped.length}), with the reason each gives:`];
  let file = '';
  for (const test of skipped) {
    if (test.file !== file) lines.push(`  ${(file = test.file)}`);
    lines.push(`    - ${test.name}: ${test.reason ?? 'NO REASON GIVEN (name one in the skipped title)'}`);
  }
  return `${lines.join('\n')}\n`;
}

class SkipReasonsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const report = skipReport(results, this.rootDir);
    if (report) process.stderr.write(`\n${report}`);
  }
}

module.exports = SkipReasonsReporter;
module.exports.skipReport = skipReport;
