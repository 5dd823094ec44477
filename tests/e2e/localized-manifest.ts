/**
 * A built manifest as the browser shows it: every `__MSG_name__` replaced by that message of the
 * default language (names compared case-insensitively, as browsers do). A name with no message
 * stays as it is, for a test to find.
 */
export function localizeManifest<T>(manifest: T, readFile: (path: string) => string): T {
  const locale = (manifest as { default_locale?: string }).default_locale;
  if (!locale) return manifest;
  const messages = JSON.parse(readFile(`_locales/${locale}/messages.json`)) as Record<string, { message: string }>;
  const byName = new Map(Object.entries(messages).map(([name, entry]) => [name.toLowerCase(), entry.message]));
  const text = JSON.stringify(manifest).replace(/__MSG_(\w+)__/g, (whole, name: string) => {
    const message = byName.get(name.toLowerCase());
    return message === undefined ? whole : JSON.stringify(message).slice(1, -1);
  });
  return JSON.parse(text) as T;
}
