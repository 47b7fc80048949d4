import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';

/** Runs a command to completion, streaming its output; rejects with the step name on failure. */
export function run(step: string, command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => reject(new Error(`${step}: ${error.message}`)));
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${step} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`)),
    );
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
