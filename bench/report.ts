// The results of one bench run: a table on the terminal, bench/results/<date>.json, and a Markdown summary
// written into docs/benchmarks.md between its markers (the rest of that page is prose kept by hand).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** One measured figure, the median of several runs, beside its limit (and a peer where there is one). */
export interface Row {
  scenario: string;
  case: string;
  unit: string;
  value: number;
  /** The runs the median was taken of. */
  samples?: number[];
  limit?: { name: string; value: number };
  /** value / limit (for a latency: limit / value, so that 1 is "as good as the limit" either way). */
  ratio?: number;
  peer?: { name: string; value: number };
  peerRatio?: number;
  target?: string;
  met?: boolean;
  notes?: string[];
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  sqlite: string;
  platform: string;
  disk: string;
}

export interface Results {
  date: string;
  profile: string;
  durationSeconds: number;
  machine: Machine;
  rows: Row[];
  scale?: string[];
}

export function machine(): Machine {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  let disk = 'unknown';
  try {
    disk = execSync(`df -T ${JSON.stringify(tmpdir())} | tail -1`, { encoding: 'utf8' })
      .trim()
      .split(/\s+/)
      .slice(0, 2)
      .join(' ');
  } catch {
    // df missing: leave it unknown
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqlite,
    platform: `${process.platform} ${process.arch}`,
    disk: `temporary directory on ${disk}`,
  };
}

const num = (value: number): string => {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

const COLUMNS = [
  'scenario',
  'case',
  'ours',
  'limit (same run)',
  'ratio',
  'peer (same run)',
  'vs peer',
  'target',
  'met',
];

function cells(row: Row): string[] {
  return [
    row.scenario,
    row.case,
    `${num(row.value)} ${row.unit}`,
    row.limit ? `${num(row.limit.value)} (${row.limit.name})` : '',
    row.ratio !== undefined ? num(row.ratio) : '',
    row.peer ? `${num(row.peer.value)} (${row.peer.name})` : '',
    row.peerRatio !== undefined ? num(row.peerRatio) : '',
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ];
}

export function printTable(rows: readonly Row[]): void {
  const table = [COLUMNS, ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.min(60, Math.max(...table.map((r) => r[i].length))));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(COLUMNS));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of table.slice(1)) console.log(line(r));
  for (const row of rows) for (const note of row.notes ?? []) console.log(`  note (${row.case}): ${note}`);
}

export function markdown(results: Results): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const m = results.machine;
  const lines = [
    `Run of ${results.date} (profile \`${results.profile}\`, ${Math.round(results.durationSeconds)} s): ` +
      `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}, SQLite ${m.sqlite}, ${m.disk}. ` +
      'Each figure is the median of several runs; the limit and the peer were measured in the same run.',
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...results.rows.map((row) => `| ${cells(row).map(esc).join(' | ')} |`),
  ];
  const notes = results.rows.flatMap((row) => (row.notes ?? []).map((n) => `- ${row.case}: ${n}`));
  if (notes.length > 0) lines.push('', 'Notes:', '', ...notes);
  if (results.scale && results.scale.length > 0) {
    lines.push('', 'Scale, from these figures:', '', ...results.scale.map((s) => `- ${s}`));
  }
  return lines.join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Writes bench/results/<date>.json and puts the summary between the markers of docs/benchmarks.md. */
export function save(results: Results, root: string): { json: string; doc: string } {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = results.date.replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z');
  const json = join(dir, `${stamp}-${results.profile}.json`);
  writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
  const doc = join(root, 'docs', 'benchmarks.md');
  const block = `${START}\n${markdown(results)}\n${END}`;
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + END.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(doc, next);
  return { json, doc };
}
