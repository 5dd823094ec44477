// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The codebase's own rules, checked: they hold as long as this test passes. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const components = files('components');

describe('how the code is laid out', () => {
  it('has components to check', () => {
    expect(components.length).toBeGreaterThan(10);
  });

  it('keeps components away from the database: they read through the library reader and write through messages', () => {
    const offenders = components.filter((file) => {
      const code = readFileSync(file, 'utf8');
      return /from 'dexie'/.test(code) || /\.(papers|trending|changes|notInterested|searchIndex|relevance)\.(get|bulkGet|where|orderBy|toArray|count|put|bulkPut|delete|clear|add)\b/.test(code) || /\bdb\b/.test(code);
    });
    expect(offenders).toEqual([]);
  });

  it('gives every card feature one file under lib/annotate/features, each registered in the bar', () => {
    const features = readdirSync('lib/annotate/features').filter((f) => f.endsWith('.ts'));
    const bar = readFileSync('lib/annotate/card-bar.ts', 'utf8');
    expect(features.length).toBeGreaterThanOrEqual(8);
    for (const file of features) {
      const code = readFileSync(join('lib/annotate/features', file), 'utf8');
      const name = /export const (\w+): CardFeature/.exec(code)?.[1];
      expect(name, file).toBeDefined();
      expect(bar, `${name} is not in CARD_FEATURES`).toMatch(new RegExp(`CARD_FEATURES[^;]*\\b${name}\\b`, 's'));
    }
  });
});
