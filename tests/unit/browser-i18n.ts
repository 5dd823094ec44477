import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One message as messages.json holds it. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Messages = Record<string, MessageEntry>;

// Tests run from the project's root.
const LOCALES = join(process.cwd(), 'public/_locales');

/** The languages PaperShelf has a messages.json for ("en", "de"…). */
export function locales(): string[] {
  return readdirSync(LOCALES).sort();
}

export function readMessages(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
}

/**
 * `browser.i18n.getMessage` as Chromium and Firefox answer it from `messages`: names are compared
 * case-insensitively, `$name$` placeholders become their content, `$1`…`$9` the substitutions (an
 * absent one nothing), `$$` a dollar sign; an unknown message is "".
 */
export function messageReader(messages: Messages): (name: string, substitutions?: string | string[]) => string {
  const byName = new Map(Object.entries(messages).map(([name, entry]) => [name.toLowerCase(), entry]));
  return (name, substitutions) => {
    const entry = byName.get(name.toLowerCase());
    if (!entry) return '';
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([key, p]) => [key.toLowerCase(), p.content]));
    const message = entry.message.replace(/\$([\w@]+)\$/g, (whole, key: string) => placeholders.get(key.toLowerCase()) ?? whole);
    return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (values[Number(which) - 1] ?? '')));
  };
}
