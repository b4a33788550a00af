// A password for the CLI: from standard input (--password-stdin, the first line), or typed at a terminal
// twice without echo. Never from an argument, where it would sit in the shell's history and the process list.
import { UsageError } from '../args';
import { promptHidden } from '../hidden-prompt';

export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError('--password-stdin: standard input held no password');
  return line;
}

/** The new password: --password-stdin, or asked twice at a terminal. */
export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readPasswordFromStdin();
  if (!process.stdin.isTTY)
    throw new UsageError('no terminal to ask for the password on: pipe it in with --password-stdin');
  const first = await promptHidden('Mật khẩu / Password: ');
  const again = await promptHidden('Nhập lại / Again: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}
