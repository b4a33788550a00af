// The commands the documentation shows run with `npm run -s` wherever their output is read, kept in a file or
// captured: without -s npm prints its own banner ("> policy-ledger@0.1.0 cli ...") to stdout first, which
// would land in the report file or the token variable.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name.startsWith('dist'))
      return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

describe('commands in the documentation', () => {
  const files = markdownFiles(ROOT);

  it('run the CLI as npm run -s cli, and every npm run whose output is redirected or captured with -s', () => {
    expect(files.map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining(['README.md', 'seeds/README.md']),
    );
    const offending = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => {
          const runs = [...line.matchAll(/npm run (?!-s\b)([a-z:]+)/g)].map((m) => m.index ?? 0);
          if (runs.length === 0) return false;
          if (/npm run (?!-s\b)cli\b/.test(line)) return true;
          // A redirect, a pipe or a capture after the command (a table row is no shell line): its output is kept.
          if (/\$\(npm run (?!-s\b)/.test(line)) return true;
          if (line.trimStart().startsWith('|')) return false;
          return runs.some((at) => /\s(\d?>>?|\|)\s/.test(line.slice(at).split(' #')[0]));
        })
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
