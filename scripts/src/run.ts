import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';

export interface RunOptions extends SpawnOptions {
  /** Keep the output to ourselves, and put its tail in the error if the command fails. */
  quiet?: boolean;
}

/** Runs a command to completion; rejects with the step name (and, when quiet, the output's tail) on failure. */
export function run(step: string, command: string, args: string[], { quiet = false, ...options }: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...options });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', (error) => reject(new Error(`${step}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      const tail = quiet ? `\n${output.trim().split('\n').slice(-15).join('\n')}` : '';
      reject(new Error(`${step} failed (${signal ? `signal ${signal}` : `exit code ${code}`})${tail}`));
    });
  });
}

/** Waits until `url` answers with a 2xx, or the child dies, or the time runs out. */
export async function waitForHttp(url: string, child: ChildProcess | null, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the process serving ${url} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
