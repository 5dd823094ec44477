import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { localizeManifest } from './localized-manifest';
import { unexpectedPermissions } from './permissions';

const OUT = '.output';
const archives = existsSync(OUT) ? readdirSync(OUT).filter((f) => f.endsWith('.zip')) : [];
const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

describe('store archives (npm run zip, npm run zip:firefox)', () => {
  it('are all there: Chrome, Firefox and the sources Firefox asks for', () => {
    expect(archives.sort()).toEqual([`papershelf-${version}-chrome.zip`, `papershelf-${version}-firefox.zip`, `papershelf-${version}-sources.zip`].sort());
  });

  describe.each(['chrome', 'firefox'])('the %s archive', (browser) => {
    const files = () => unzipSync(readFileSync(`${OUT}/papershelf-${version}-${browser}.zip`));

    it('holds a manifest asking only for allowed permissions', () => {
      const archive = files();
      const manifest = localizeManifest(JSON.parse(strFromU8(archive['manifest.json']!)), (file) => strFromU8(archive[file]!));
      expect(manifest).toMatchObject({ name: 'PaperShelf', version, manifest_version: 3 });
      expect(unexpectedPermissions(manifest)).toEqual([]);
    });

    it('ships no code that evaluates strings', () => {
      const scripts = Object.entries(files()).filter(([name]) => name.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(3);
      for (const [name, bytes] of scripts) {
        const code = strFromU8(bytes);
        expect(code, name).not.toMatch(/\beval\(/);
        expect(code, name).not.toMatch(/new Function\b|\bFunction\(\s*[`'"]/);
      }
    });
  });

  it.each(['chrome', 'firefox'])('the %s archive puts card controls in closed shadow roots only', (browser) => {
    const files = unzipSync(readFileSync(`${OUT}/papershelf-${version}-${browser}.zip`));
    const content = Object.entries(files).filter(([name]) => name.startsWith('content-scripts/') && name.endsWith('.js'));
    expect(content.length).toBeGreaterThan(0);
    const code = content.map(([, bytes]) => strFromU8(bytes)).join('\n');
    expect(code).toMatch(/attachShadow\(\{\s*mode:\s*["'`]closed["'`]/);
    expect(code).not.toMatch(/mode:\s*["'`]open["'`]/);
  });

  it('the sources archive can rebuild the extension', () => {
    const names = Object.keys(unzipSync(readFileSync(`${OUT}/papershelf-${version}-sources.zip`)));
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/background.ts', 'lib/paper/model.ts', 'README.md']) {
      expect(names).toContain(needed);
    }
    expect(names.some((n) => n.startsWith('node_modules/'))).toBe(false);
  });
});
