/**
 * The one "now" of a build. GAZETTE_NOW (an ISO 8601 instant with offset) pins it so
 * that embargoes, the news sitemap and reproducible builds can be tested; otherwise
 * the clock. Everything time-dependent in a build must take its time from here.
 */
import { toInstant } from './dates.ts';

export function getNow(env: Record<string, string | undefined> = process.env, clock: () => Date = () => new Date()): Date {
  const raw = env.GAZETTE_NOW?.trim();
  if (!raw) return clock();
  const instant = toInstant(raw);
  if (!instant) {
    throw new Error(`GAZETTE_NOW: expected an ISO 8601 instant with offset such as 2025-12-22T08:00:00+08:00, got "${raw}"`);
  }
  return instant;
}
