/**
 * Every MDX module carries Astro's own "use astro:head-inject" directive, and the bundler
 * warns about each one: thousands of identical lines that would hide a real warning. This
 * drops that warning by its code and directive only; every other log passes through.
 */
interface BundlerLog {
  code?: string;
  message: string;
}

export function skipHeadInjectWarning<L extends BundlerLog, Level>(level: Level, log: L, handler: (level: Level, log: L) => void): void {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
  handler(level, log);
}
