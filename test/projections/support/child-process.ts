// Starts a TypeScript file of this repository in a child node process, compiled on the fly with the
// @ledger/* path aliases, so a test can kill real processes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

export function spawnTs(file: string, args: string[], scratchDir: string): ChildProcessWithoutNullStreams {
  const bootstrap = join(scratchDir, 'bootstrap.js');
  writeFileSync(
    bootstrap,
    `
    const fs = require('node:fs');
    const path = require('node:path');
    const Module = require('node:module');
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    require.extensions['.ts'] = (module, filename) => {
      const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(outputText, filename);
    };
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      const alias = /^@ledger\\/([^/]+)$/.exec(request);
      if (alias) request = path.join(${JSON.stringify(root)}, 'libs', alias[1], 'src');
      return resolve.call(this, request, ...rest);
    };
    require(process.argv.splice(2, 1)[0]);
    `,
  );
  return spawn(process.execPath, [bootstrap, file, ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
