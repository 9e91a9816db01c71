/**
 * Runs one build and measures it: wall time, and peak memory two ways.
 *
 * - `/usr/bin/time -v` "Maximum resident set size" is getrusage's ru_maxrss for the waited-for
 *   children: the peak of the LARGEST SINGLE process in the tree, not the sum. Gazette's build is
 *   two live processes (scripts/build.ts waits in spawnSync while `astro build` runs), so that
 *   figure under-reports it.
 * - The tree figure samples /proc every 200 ms and sums VmRSS over the process and all its
 *   descendants. It counts pages shared between processes (the node binary, libvips) once per
 *   process, so it slightly over-reports; and a peak shorter than the interval can be missed.
 *   This is what "peak RSS of the whole tree" means in the benchmark's JSON.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';

export const TIME_BIN = '/usr/bin/time';
const SAMPLE_MS = 200;

export interface Measured {
  status: number;
  wallMs: number;
  /** Sampled peak of the summed RSS of the process tree, in kB. */
  treePeakRssKb: number;
  /** /usr/bin/time -v Maximum resident set size (largest single process), in kB; undefined without /usr/bin/time. */
  maxProcessRssKb: number | undefined;
  /**
   * User plus system CPU time of the whole tree (/usr/bin/time -v), in ms; undefined without
   * /usr/bin/time. Over wallMs it says how many of the cores the build kept busy.
   */
  cpuMs: number | undefined;
}

/** Parent pid of every live process, from /proc/<pid>/stat (the comm field may hold spaces and parens). */
function parentMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return children;
}

/** `root` and every live descendant of it. */
export function processTree(root: number): number[] {
  const children = parentMap();
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Summed VmRSS (kB) of `root` and all its descendants right now. */
export function treeRssKb(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) total += Number(match[1]);
    } catch {
      // Gone already.
    }
  }
  return total;
}

export function parseTimeMaxRssKb(timeOutput: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput);
  return match ? Number(match[1]) : undefined;
}

/** User plus system time: getrusage of the waited-for children, so every process in the tree. */
export function parseTimeCpuMs(timeOutput: string): number | undefined {
  const user = /User time \(seconds\): ([\d.]+)/.exec(timeOutput);
  const system = /System time \(seconds\): ([\d.]+)/.exec(timeOutput);
  return user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : undefined;
}

export interface RunOptions {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr of the build go here. */
  logFile: string;
  /** /usr/bin/time -v writes its report here. */
  timeFile: string;
  onSpawn?: (pid: number) => void;
}

export async function runMeasured(options: RunOptions): Promise<Measured> {
  const useTime = existsSync(TIME_BIN);
  const [command, args] = useTime
    ? [TIME_BIN, ['-v', '-o', options.timeFile, options.command, ...options.args]]
    : [options.command, options.args];
  const log = openSync(options.logFile, 'w');
  const start = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let peak = 0;
  const sample = () => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRssKb(child.pid));
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  const status = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallMs = performance.now() - start;
  clearInterval(timer);
  closeSync(log);
  const timeOutput = useTime && existsSync(options.timeFile) ? readFileSync(options.timeFile, 'utf8') : '';
  const maxProcessRssKb = parseTimeMaxRssKb(timeOutput);
  return { status, wallMs, treePeakRssKb: Math.max(peak, maxProcessRssKb ?? 0), maxProcessRssKb, cpuMs: parseTimeCpuMs(timeOutput) };
}

/**
 * The run with the median wall time (for an even count, the slower of the two middle runs; the
 * bench asks for odd counts): one real run, whose figures belong together, to stand for several.
 */
export function medianRun<T extends Pick<Measured, 'wallMs'>>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[Math.floor(sorted.length / 2)]!;
}
