// The e2e project's time limit for every hook and test: a suite starts the whole app (some a child process or a
// browser), and on a busy two-core machine its setup alone can pass jest's default 5 s. Set here because jest
// reads `testTimeout` from the global configuration only, never from a project's.
jest.setTimeout(60_000);
