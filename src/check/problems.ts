/**
 * What the content check reports. Problems are collected, never thrown, so an editor sees
 * every one of them at once, each as `path:line: field: message`.
 */
import { relative } from 'node:path';

export interface Problem {
  /** Absolute path of the file at fault. */
  file: string;
  /** 1-based line, where it can be known. */
  line?: number | undefined;
  /** Dotted field path, e.g. caption.en. */
  field?: string | undefined;
  message: string;
  severity: 'error' | 'warning';
}

/** `path:line: field: message`, with the path relative to `base`. */
export function formatProblem(problem: Problem, base: string): string {
  const location = [relative(base, problem.file) || problem.file, problem.line].filter((part) => part !== undefined).join(':');
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${location}: ${problem.field ? `${problem.field}: ` : ''}${prefix}${problem.message}`;
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
