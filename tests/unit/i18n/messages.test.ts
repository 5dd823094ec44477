// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { t, tn } from '@/lib/i18n';
import { locales, readMessages, type Messages } from '../browser-i18n';

/** Where texts are asked for: the extension's code, its pages and its manifest. */
const SOURCES = ['lib', 'components', 'entrypoints', 'wxt.config.ts'];
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** Where a message is shown, as the first word of its name. */
const PLACES = ['extension', 'command', 'locale', 'common', 'save', 'tag', 'paper', 'card', 'popup', 'trending', 'hf', 'foryou', 'options', 'sync', 'export', 'error', 'library'];

function sourceFiles(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
  return /\.(ts|tsx|html)$/.test(path) ? [path] : [];
}

const code = SOURCES.flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const english = readMessages('en');
const names = new Set(Object.keys(english));

/** Every `call('name'…)` in the code, with the file it is in. */
function calls(pattern: RegExp): { file: string; name: string }[] {
  return code.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((match) => ({ file, name: match[1]! })));
}

const asked = [...calls(/\b(?:t|tParts)\(\s*'(\w+)'/g), ...calls(/__MSG_(\w+)__/g)];
const counted = calls(/\btn\(\s*'(\w+)'/g);
/** Every snake_case string in the code: message names are passed around as such (`label: 'popup_sort_title'`, `t(saved ? 'a' : 'b')`). */
const literals = new Set(code.flatMap(({ text }) => [...text.matchAll(/['"`]([a-z][a-z0-9]*(?:_[a-z0-9]+)+)['"`]/g)].map((m) => m[1]!)));
const named = new Set([...literals, ...asked.map((a) => a.name)]);

const stemOf = (name: string) => name.replace(new RegExp(`_(?:${PLURAL_FORMS.join('|')})$`), '');
const substitutions = (message: string) => [...new Set([...message.matchAll(/\$([1-9])/g)].map((m) => Number(m[1])))].sort();

describe('messages.json', () => {
  it('has every message the code asks for', () => {
    expect(asked.length).toBeGreaterThan(200);
    expect(asked.filter(({ name }) => !names.has(name))).toEqual([]);
    expect(counted.filter(({ name }) => !names.has(`${name}_one`) || !names.has(`${name}_other`))).toEqual([]);
  });

  it('has no message the code does not use', () => {
    const unused = [...names].filter((name) => !named.has(name) && !(stemOf(name) !== name && named.has(stemOf(name))));
    expect(unused).toEqual([]);
  });

  it('names each message in snake_case, after the place it is shown, with a text', () => {
    for (const [name, entry] of Object.entries(english)) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/);
      expect(PLACES, name).toContain(name.split('_')[0]);
      expect(entry.message.trim(), name).not.toBe('');
    }
  });

  it('substitutes $1…$9 only, and explains the substitutions of every message that has some', () => {
    for (const [name, entry] of Object.entries(english)) {
      expect(entry.message.replace(/\$[1-9]/g, ''), name).not.toContain('$');
      const numbers = substitutions(entry.message);
      // A counted message's count ($1) speaks for itself; anything more is explained.
      const needsWords = numbers.some((n) => n > 1) || (numbers.length > 0 && stemOf(name) === name);
      if (needsWords) expect(entry.description, `${name} says what its $n are`).toMatch(/\S/);
    }
  });

  it('writes every counted message in English as one and other, each with the count', () => {
    for (const name of names) {
      const stem = stemOf(name);
      if (stem === name) continue;
      expect(names.has(`${stem}_one`) && names.has(`${stem}_other`), stem).toBe(true);
      expect(substitutions(english[name]!.message), name).toContain(1);
    }
  });
});

describe.each(locales())('the %s translation', (locale) => {
  const messages: Messages = readMessages(locale);

  it('says which language it is in, as its folder does', () => {
    const code = messages.locale_code?.message ?? '';
    expect(Intl.getCanonicalLocales(code)).toEqual([code]);
    expect(code.replace('-', '_')).toBe(locale);
  });

  it('translates every message of the English file and no other, with the same substitutions', () => {
    // Half a translation reads worse than English: the browser would mix the two on one page.
    expect([...names].filter((name) => !(name in messages))).toEqual([]);
    for (const [name, entry] of Object.entries(messages)) {
      const stem = stemOf(name);
      const original = english[name] ?? english[`${stem}_other`];
      expect(original, `${locale}: ${name} is not in the English file`).toBeDefined();
      expect(substitutions(entry.message), `${locale}: ${name}`).toEqual(substitutions(original!.message));
    }
  });

  it('writes every counted message in each plural form the language has', () => {
    const forms = new Intl.PluralRules(messages.locale_code?.message).resolvedOptions().pluralCategories;
    const stems = new Set([...names].filter((name) => stemOf(name) !== name).map(stemOf));
    for (const stem of stems) for (const form of forms) expect(messages[`${stem}_${form}`], `${locale}: ${stem}_${form}`).toBeDefined();
  });
});

describe('t() and tn()', () => {
  it('give the English text, counts written the reader’s way and in the right plural form', () => {
    expect(t('popup_tab_library')).toBe('Library');
    expect(t('popup_select_label', 'YOLO26')).toBe('Select YOLO26');
    expect(tn('popup_count', 1)).toBe('1 paper');
    expect(tn('popup_count', 0)).toBe('0 papers');
    expect(tn('popup_count_of', 20_000, 25_000)).toBe('20,000 papers of 25,000');
    expect(tn('options_tag_renamed', 2, 'llm', 'language models')).toBe('Renamed “llm” to “language models” on 2 papers.');
  });
});
