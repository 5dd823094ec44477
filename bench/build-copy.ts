import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildDir } from '../tests/e2e/harness/builds';

/** A copy of the Chromium build in a temporary folder, for the bench to change (a control, a page added). */
export function copyOfChromiumBuild(label: string): { dir: string; remove: () => void } {
  const dir = join(mkdtempSync(join(tmpdir(), `papershelf-${label}-`)), 'chrome-mv3');
  cpSync(buildDir('chromium'), dir, { recursive: true });
  return { dir, remove: () => rmSync(dirname(dir), { recursive: true, force: true }) };
}
