import { existsSync, readdirSync, readFileSync } from 'node:fs';

import { localizeManifest } from './localized-manifest';
import { unexpectedPermissions } from './permissions';

const builds = ['.output/chrome-mv3', '.output/firefox-mv3'];

describe.each(builds)('manifest of %s', (dir) => {
  const path = `${dir}/manifest.json`;
  const built = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  const manifest = built && localizeManifest(built, (file) => readFileSync(`${dir}/${file}`, 'utf8'));

  it('is built', () => {
    expect(manifest, `${path} is missing: run npm run build and npm run build:firefox`).toBeDefined();
  });

  it('asks only for allowed permissions', () => {
    expect(unexpectedPermissions(manifest)).toEqual([]);
    expect(manifest.permissions).toContain('storage');
  });

  it('runs content scripts on huggingface.co only', () => {
    // Every huggingface.co page: the site reaches /papers by in-page navigation too.
    const matches = (manifest.content_scripts ?? []).flatMap((c: { matches: string[] }) => c.matches);
    expect(matches).toEqual(['https://huggingface.co/*']);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('is Manifest V3 with a name, description and version', () => {
    expect(manifest).toMatchObject({ manifest_version: 3, name: 'PaperShelf', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(manifest.description.length).toBeGreaterThan(20);
  });

  it('takes its texts from messages.json, English by default, every one of them there', () => {
    expect(built).toMatchObject({ default_locale: 'en', name: '__MSG_extension_name__', description: '__MSG_extension_description__' });
    expect(JSON.stringify(manifest)).not.toContain('__MSG_');
    expect(manifest).toMatchObject({ action: { default_title: 'PaperShelf' }, commands: { _execute_action: { description: 'Open PaperShelf' } } });
  });

  it("has every script its pages load, the popup's first rows read by a small script before the rest", () => {
    const scripts = (page: string) => [...readFileSync(`${dir}/${page}`, 'utf8').matchAll(/<script\b([^>]*)\bsrc="\/([^"]+)"([^>]*)>/g)].map((m) => ({ file: m[2]!, attributes: `${m[1]} ${m[3]}` }));
    const popup = scripts('popup.html');
    for (const { file } of [...popup, ...scripts('options.html')]) expect(existsSync(`${dir}/${file}`), file).toBe(true);
    expect(popup.map((s) => s.file)).toEqual(['first-rows.js', expect.stringMatching(/^chunks\/popup-.*\.js$/)]);
    expect(popup[0]!.attributes).toMatch(/\basync\b/);
    // It must arrive well before the popup's own code: a few kilobytes, no React, no Dexie.
    expect(readFileSync(`${dir}/first-rows.js`).length).toBeLessThan(4000);
  });

  it('keeps webextension-polyfill out of the search worker, where it throws on load', () => {
    const workers = readdirSync(`${dir}/assets`).filter((name) => /^worker-.*\.js$/.test(name));
    expect(workers).toHaveLength(1);
    expect(readFileSync(`${dir}/assets/${workers[0]}`, 'utf8')).not.toContain('should only be loaded in a browser extension');
  });
});

it('gives Firefox a stable add-on id', () => {
  const manifest = JSON.parse(readFileSync('.output/firefox-mv3/manifest.json', 'utf8'));
  expect(manifest.browser_specific_settings.gecko.id).toBe('papershelf@papershelf.org');
});
