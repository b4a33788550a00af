// Types of skip-reasons.reporter.js (a plain CommonJS file, as jest loads reporters), for its unit test.
export interface RunResults {
  testResults: Array<{
    testFilePath: string;
    testResults: Array<{ status: string; fullName?: string; ancestorTitles: string[]; title: string }>;
  }>;
}
export function skipReport(results: RunResults, rootDir: string): string;
declare class SkipReasonsReporter {
  constructor(globalConfig: { rootDir: string });
  onRunComplete(contexts: unknown, results: RunResults): void;
}
export default SkipReasonsReporter;
