/**
 * `npm run bench` refuses bad arguments before it copies or builds anything. The command runs
 * as a process, so it lives with the build tests, out of the unit loop.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it, describe } from 'vitest';
import { USAGE } from '../../scripts/bench/args.ts';
import { repoRoot } from '../helpers/project.ts';

describe('the bench script on bad input', () => {
  it.each([[['--stories', '0']], [['--stories', '-1']], [['--stories', 'abc']], [[]]])(
    '%j exits non-zero with the usage line, before building anything',
    (args) => {
      const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/bench.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(USAGE);
      // Nothing started: no progress lines, no table.
      expect(result.stderr).not.toContain('[bench]');
      expect(result.stdout).toBe('');
    },
  );
});
