/**
 * `npm run audit`: Lighthouse's default mobile audit (Moto G Power-sized screen, simulated
 * slow 4G and 4× CPU slowdown) of the built site, on the seed story in both languages and
 * both front pages. It measures, it does not judge: it prints the figures and exits 0,
 * or 1 when there is no dist/ or a run crashed.
 *
 *   npm run build && npm run audit          a table, then what keeps any score under 100
 *   npm run audit -- --json                 the same, plus one JSON line at the end
 *   npm run audit -- --runs=5               runs per page (default 3); the table shows the
 *                                           median run (Lighthouse's own computeMedianRun)
 *
 * dist/ is served on 127.0.0.1 by scripts/lib/serve.ts with gzip, as any production static
 * host serves text; the Chromium npm installed (or CHROMIUM_PATH) runs headless with a throwaway
 * profile, one fresh browser per run, killed afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import type { Result as LighthouseResult } from 'lighthouse';
import { distFile, readDistPage, serveDir } from './lib/serve.ts';
import { CHROMIUM_ARGS, resolveChromium } from './lib/chromium.ts';
import { writeFontConfig } from './lib/cjk-font.ts';
import { formatTable } from '../src/build/table.ts';

const PAGES = [
  { name: 'story (zh)', path: '/2025/12/22/lianshang-fali-zhenxing-chanye/' },
  { name: 'story (zh-hant)', path: '/zh-hant/2025/12/22/lianshang-fali-zhenxing-chanye/' },
  { name: 'story (en)', path: '/en/2025/12/22/lianshang-fali-zhenxing-chanye/' },
  { name: 'front page (zh)', path: '/' },
  { name: 'front page (zh-hant)', path: '/zh-hant/' },
  { name: 'front page (en)', path: '/en/' },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];


const root = process.cwd();
const dist = join(root, 'dist');
const asJson = process.argv.includes('--json');
const runsArg = process.argv.find((arg) => arg.startsWith('--runs='));
const RUNS = runsArg ? Number(runsArg.slice('--runs='.length)) : 3;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs must be a whole number of at least 1, not ${runsArg}`);
  process.exit(1);
}

interface PageResult {
  page: string;
  path: string;
  runs: number;
  /** Scores of the median run. */
  scores: Record<Category, number | null>;
  /** Lowest and highest performance score over the runs. */
  performanceRange: [number, number] | null;
  lcpMs: number | null;
  cls: number | null;
  totalBytes: number | null;
  /** gzip -9 of the page's HTML plus any external stylesheet it links. */
  htmlCssGzipBytes: number;
  /** Scored audits under 100, per category: why a score is not 100. */
  shortfalls: Record<Category, string[]>;
  error?: string;
}

/** gzip -9 size of the HTML file plus every same-site stylesheet it links (CSS is normally inlined). */
function htmlCssGzipSize(path: string): number {
  const html = readDistPage(dist, path);
  let total = gzipSync(html, { level: 9 }).length;
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel=["']?stylesheet\b/i.test(tag)) continue;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!href || /^(https?:)?\/\//.test(href)) continue;
    const file = distFile(dist, new URL(href, `http://site${path}`).pathname);
    if (existsSync(file)) total += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return total;
}

interface Chromium {
  port: number;
  stop(): Promise<void>;
}

/** Starts a headless Chromium with a temp profile; its DevTools port comes from DevToolsActivePort. */
async function startChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'gazette-audit-chromium-'));
  const child: ChildProcess = spawn(
    chromiumPath,
    ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...CHROMIUM_ARGS, 'about:blank'],
    // Its own process group, so stop() ends the browser and all its helpers by that one id.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: writeFontConfig() },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || exited) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    killGroup('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    killGroup('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  running.add(stop);

  const portFile = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 300; i++) {
    if (exited) break;
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      if (port > 0) {
        return {
          port,
          stop: async () => {
            running.delete(stop);
            await stop();
          },
        };
      }
    }
    await sleep(100);
  }
  running.delete(stop);
  await stop();
  throw new Error(`Chromium (${chromiumPath}) did not open a DevTools port.\n${stderr}`);
}

/** Browsers still running, stopped on the way out whatever happens. */
const running = new Set<() => Promise<void>>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.allSettled([...running].map((stop) => stop())).then(() => process.exit(130));
  });
}

function formatResults(results: PageResult[]): string {
  const header = ['page', 'perf', 'a11y', 'best-pr', 'seo', 'LCP ms', 'CLS', 'total bytes', 'HTML+CSS gz'];
  const rows = results.map((r) => [
    r.page,
    ...CATEGORIES.map((c) => (r.scores[c] === null ? '—' : String(r.scores[c]))),
    r.lcpMs === null ? '—' : String(Math.round(r.lcpMs)),
    r.cls === null ? '—' : r.cls.toFixed(3),
    r.totalBytes === null ? '—' : r.totalBytes.toLocaleString('en-US'),
    r.htmlCssGzipBytes.toLocaleString('en-US'),
  ]);
  return formatTable([header, ...rows], { markdown: true, align: header.map((_, c) => (c === 0 ? 'left' : 'right')) });
}

let chromiumPath: string;
try {
  chromiumPath = await resolveChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

let lighthouseVersion = '';
/** "Chromium 156.0.8078.108 built on Debian …" → "156.0.8078.108" (the user agent says only 156.0.0.0). */
const browserVersion = /(\d+\.\d+\.\d+\.\d+)/.exec(spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 'unknown';

/** One Lighthouse run in a fresh browser. */
async function runLighthouse(url: string): Promise<LighthouseResult> {
  const chromium = await startChromium();
  try {
    // No config: Lighthouse's default, i.e. mobile form factor with simulated throttling.
    const run = await lighthouse(url, {
      port: chromium.port,
      hostname: '127.0.0.1',
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!run) throw new Error('Lighthouse returned no result');
    if (run.lhr.runtimeError) throw new Error(`${run.lhr.runtimeError.code}: ${run.lhr.runtimeError.message}`);
    lighthouseVersion = run.lhr.lighthouseVersion;
    return run.lhr;
  } finally {
    await chromium.stop();
  }
}

async function auditPage(origin: string, page: { name: string; path: string }): Promise<PageResult> {
  const result: PageResult = {
    page: page.name,
    path: page.path,
    runs: 0,
    scores: { performance: null, accessibility: null, 'best-practices': null, seo: null },
    performanceRange: null,
    lcpMs: null,
    cls: null,
    totalBytes: null,
    htmlCssGzipBytes: htmlCssGzipSize(page.path),
    shortfalls: { performance: [], accessibility: [], 'best-practices': [], seo: [] },
  };
  const lhrs: LighthouseResult[] = [];
  try {
    for (let i = 0; i < RUNS; i++) lhrs.push(await runLighthouse(origin + page.path));
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    return result;
  }
  result.runs = lhrs.length;
  const score = (lhr: LighthouseResult, category: Category) => {
    const value = lhr.categories[category]?.score;
    return value == null ? null : Math.round(value * 100);
  };
  const performance = lhrs.map((lhr) => score(lhr, 'performance')).filter((v): v is number => v !== null);
  if (performance.length > 0) result.performanceRange = [Math.min(...performance), Math.max(...performance)];
  const lhr = computeMedianRun(lhrs);
  for (const category of CATEGORIES) {
    result.scores[category] = score(lhr, category);
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      result.shortfalls[category].push(`${ref.id}: ${audit.title}${value}, audit score ${Math.round(audit.score * 100)}, weight ${ref.weight}`);
    }
  }
  result.lcpMs = lhr.audits['largest-contentful-paint']?.numericValue ?? null;
  result.cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? null;
  result.totalBytes = lhr.audits['total-byte-weight']?.numericValue ?? null;
  return result;
}

if (!existsSync(join(dist, 'index.html'))) {
  console.error('No built site in dist/: run `npm run build` first, then `npm run audit`.');
  process.exit(1);
}
const missing = PAGES.filter((page) => !existsSync(distFile(dist, page.path)));
if (missing.length > 0) {
  console.error(`dist/ lacks ${missing.map((p) => p.path).join(', ')}: run \`npm run build\` (with the seed story published).`);
  process.exit(1);
}

const server = await serveDir(dist, { gzip: true });
const results: PageResult[] = [];
try {
  for (const page of PAGES) {
    process.stderr.write(`auditing ${page.path} (${RUNS} run${RUNS === 1 ? '' : 's'}) …\n`);
    results.push(await auditPage(server.url, page));
  }
} finally {
  await Promise.allSettled([...running].map((stop) => stop()));
  await server.close();
}

console.log(`Lighthouse ${lighthouseVersion} (Chromium ${browserVersion}) mobile audit (default config: mobile, simulated throttling), median of ${RUNS} run${RUNS === 1 ? '' : 's'} per page, ${new Date().toISOString()}\n`);
console.log(formatResults(results));
const notes = results.flatMap((r) => [
  ...(r.error ? [`${r.page}: RUN FAILED: ${r.error}`] : []),
  ...(r.performanceRange && r.performanceRange[0] !== r.performanceRange[1]
    ? [`${r.page}, performance: ${r.performanceRange[0]}–${r.performanceRange[1]} over ${r.runs} runs (median run shown)`]
    : []),
  ...CATEGORIES.flatMap((c) => r.shortfalls[c].map((s) => `${r.page}, ${c}: ${s}`)),
]);
console.log(notes.length > 0 ? `\nBelow 100:\n${notes.map((n) => `  ${n}`).join('\n')}` : '\nEvery scored audit passed.');
if (asJson) console.log(JSON.stringify({ date: new Date().toISOString(), lighthouseVersion, browserVersion, runsPerPage: RUNS, results }));
process.exit(results.some((r) => r.error) ? 1 : 0);
