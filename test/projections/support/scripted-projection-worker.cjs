// A stand-in for the api's projection worker, for ProjectionWorkerHost's tests: it speaks the same messages.
// Each start adds a line to a file named for the process (a worker thread shares its pid); the first start says it is ready, then
// dies (exit code 3) as a crashed worker would; the next ones answer status with one live projection and
// stop when told, as the real worker does.
const { appendFileSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parentPort } = require('node:worker_threads');

const file = join(tmpdir(), `scripted-projection-worker-${process.pid}.txt`);
appendFileSync(file, 'start\n');
const starts = readFileSync(file, 'utf8').trim().split('\n').length;
parentPort.postMessage({ kind: 'ready' });
if (starts === 1) setTimeout(() => process.exit(3), 20);
parentPort.on('message', (message) => {
  if (message.kind === 'status') {
    const status = { name: 'counts', version: 1, state: 'live', checkpoint: 7, headPosition: 7, lag: 0 };
    parentPort.postMessage({ kind: 'reply', id: message.id, ok: true, value: [status] });
  } else if (message.kind === 'waitFor') {
    const error = {
      code: 'PROJECTION_FAILED',
      message: 'x',
      projection: 'counts',
      detail: 'boom',
      position: 5,
    };
    parentPort.postMessage({ kind: 'reply', id: message.id, ok: false, error });
  } else if (message.kind === 'stop') {
    appendFileSync(file, 'stopped\n');
    parentPort.postMessage({ kind: 'stopped' });
    parentPort.close();
  }
});
