// No import cycles in apps and libs: a circle makes load order decide what is defined, and hides which
// layer depends on which. The graph is the compiler's own resolution of every import (tsconfig paths too).
import { importCycles, importGraph, sourceFiles } from './import-graph';

describe('imports', () => {
  it('form no cycle in apps and libs', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const cycles = importCycles(importGraph(files)).map((cycle) => cycle.join(' -> '));
    expect(cycles).toEqual([]);
  }, 60_000);

  it('are found when two files import each other, and when one imports itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });
});
