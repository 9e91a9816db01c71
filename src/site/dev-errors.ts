/**
 * In `astro dev`, the content check's messages in the page itself, as HTML (no script needed):
 * a page that failed to render because of bad content (a hero naming a photo that does not
 * exist) shows the check's `path:line: field: message` lines instead of a stack trace, and every
 * other page carries them in a box at the top while the content has errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import { escapeXml } from '../newsroom/xml.ts';

function errorList(lines: string[]): string {
  return `<section class="dev-check-errors" role="alert" style="margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5f0000;border-bottom:3px solid #b00020;font:15px/1.5 system-ui,sans-serif">`
    + `<h2 style="margin:0 0 .5rem;font-size:1.1rem">内容检查未通过 · The content check found ${lines.length} error(s)</h2>`
    + `<ul style="margin:0;padding-left:1.25rem;font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-word">${lines.map((line) => `<li>${escapeXml(line)}</li>`).join('')}</ul>`
    + `<p style="margin:.5rem 0 0">修改文件、保存后重新载入本页 · Fix the file, save it and reload this page. <code>npm run check</code> prints the same list.</p></section>`;
}

const errorPage = (lines: string[]) => `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>内容检查 · Content check</title></head><body style="margin:0">${errorList(lines)}</body></html>`;

/** Serves every page through the check's verdict; the verdict is kept until a file in content/ changes. */
export function showContentErrors(server: ViteDevServer, root: string): void {
  let verdict: Promise<string[]> | undefined;
  // The check's modules are loaded on the first page asked for, not by every Astro process that
  // loads the integration; the middleware itself is registered now, before Astro's own.
  const errors = () => (verdict ??= import('../check/check-content.ts').then(({ checkContent }) => checkContent(root)).then((report) => report.errors));
  const forget = (file: string) => {
    if (file.includes('/content/')) verdict = undefined;
  };
  server.watcher.on('change', forget).on('add', forget).on('unlink', forget);

  server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html') || /^\/(keystatic|api\/|@|_)/.test(req.url ?? '')) return next();
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const isHtml = () => String(res.getHeader('content-type') ?? '').includes('text/html');
    // Headers wait for the body: the page's length changes when the errors go in.
    const writeHead = res.writeHead.bind(res);
    let sending = false;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      // Node's end() sends the stored headers through writeHead: that call goes through.
      if (sending) return (writeHead as (...args: unknown[]) => ServerResponse)(status, ...rest);
      res.statusCode = status;
      const headers = rest.find((item) => typeof item === 'object' && item !== null);
      const pairs: [string, unknown][] = Array.isArray(headers)
        ? Array.from({ length: headers.length / 2 }, (_, i) => [String(headers[i * 2]), headers[i * 2 + 1]])
        : Object.entries((headers ?? {}) as Record<string, unknown>);
      for (const [name, value] of pairs) if (value !== undefined) res.setHeader(name, value as string);
      return res;
    }) as typeof res.writeHead;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (!isHtml()) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      if (chunk) chunks.push(Buffer.from(chunk as Uint8Array));
      // Astro waits for each chunk's callback before writing the next.
      const done = rest.find((item) => typeof item === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (!isHtml()) return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Uint8Array));
      void errors().then((lines) => {
        let html = Buffer.concat(chunks).toString('utf8');
        if (lines.length > 0) html = res.statusCode >= 500 ? errorPage(lines) : html.replace(/<body[^>]*>/, (tag) => tag + errorList(lines));
        res.removeHeader('content-length');
        sending = true;
        end(html);
      }, () => {
        sending = true;
        end(Buffer.concat(chunks));
      });
      return res;
    }) as typeof res.end;
    next();
  });
}
