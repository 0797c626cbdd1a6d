/**
 * `custom-elements.json` as the analyzer writes it from the sources now, with the project's
 * config (what `npm run manifest` does), into a temporary folder that is removed again: the
 * tests that hold the manifest and the API pages against the code never read a stale copy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export function analyzeManifest<Manifest>(): Manifest {
  const root = repositoryRoot;
  const outdir = mkdtempSync(join(tmpdir(), 'news-widgets-cem-'));
  try {
    const cli = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    execFileSync(
      process.execPath,
      [
        cli,
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        relative(root, outdir),
        '--quiet',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
