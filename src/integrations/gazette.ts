/**
 * Gazette's Astro integration: validates content before Astro reads it, so a plain
 * `astro build` is as guarded as `npm run build` (which validates first itself and
 * sets GAZETTE_VALIDATED to skip the second pass). In dev, problems are printed and
 * the preview keeps running so an editor can fix them live.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../content-validation.ts';

export default function gazette(): AstroIntegration {
  return {
    name: 'gazette',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
        // Drafts show only in `astro dev`. Decided by the command, never by NODE_ENV or
        // import.meta.env.DEV, which a stray NODE_ENV=development would flip in production.
        updateConfig({ vite: { define: { 'import.meta.env.GAZETTE_PREVIEW': JSON.stringify(command === 'dev') } } });
        if (command === 'build' && process.env.GAZETTE_VALIDATED === '1') return;
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        const report = await checkContent(root);
        for (const problem of report.problems.filter((p) => p.severity === 'warning')) {
          logger.warn(report.lines[report.problems.indexOf(problem)]!);
        }
        if (report.ok) return;
        const errors = report.lines.filter((_, i) => report.problems[i]!.severity === 'error');
        if (command === 'dev') {
          for (const line of errors) logger.error(line);
          return;
        }
        throw new Error(`content has ${errors.length} error(s):\n${errors.join('\n')}`);
      },
    },
  };
}
