/**
 * `npm run dev` in a project copy, on a free port of 127.0.0.1, as an editor starts it. Stopped
 * with its whole process group (npm, the shell, astro).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { cleanEnv } from './project.ts';

export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  log: () => string;
  stop: () => void;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startDevServer(dir: string, env: Record<string, string> = {}): Promise<DevServer> {
  const port = await freePort();
  const child = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run dev did not start:\n${log}`)), 120_000);
    const onData = (chunk: Buffer) => {
      log += stripVTControlCharacters(chunk.toString());
      if (log.includes('watching for file changes')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm run dev exited (${code}):\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, log: () => log, stop };
}
