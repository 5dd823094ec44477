// Types only: the messages stay in the browser's own files, out of every bundle.
import type english from '@/public/_locales/en/messages.json';
import { browserI18n, formatCount } from '@/lib/locale';

/** The name of a message in public/_locales/en/messages.json; any other name does not compile. */
export type MessageKey = keyof typeof english;

/** A message written once per plural form ("popup_count_one", "popup_count_other"): the name before the form. */
export type CountedKey = { [K in MessageKey]: K extends `${infer Stem}_other` ? Stem : never }[MessageKey];

/** A substitution: text as it is, a number written the reader's way ("10,000", "10.000"). */
export type Substitution = string | number;

const messages = () => browserI18n()!;

// A listing of a thousand cards asks for the same few messages thousands of times (each bar's name
// among them): each message is asked of the browser once, with marks where its substitutions go.
const templates = new Map<string, string>();
const mark = (i: number) => `\uE000${i}\uE001`;
const MARKS = /\uE000(\d)\uE001/g;

/**
 * The message `key` in the reader's language (English when it has no translation), with `$1`…`$9`
 * replaced by `substitutions`.
 */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const cacheKey = `${key}/${substitutions.length}`;
  let template = templates.get(cacheKey);
  if (template === undefined) templates.set(cacheKey, (template = messages().getMessage(key, substitutions.map((_, i) => mark(i)))));
  if (substitutions.length === 0) return template;
  const values = substitutions.map((s) => (typeof s === 'number' ? formatCount(s) : s));
  return template.replace(MARKS, (_, i: string) => values[Number(i)]!);
}

let pluralRules: Intl.PluralRules | undefined;

/**
 * The message about `count` things in the plural form its language asks for: `stem_one` for
 * "1 paper", `stem_other` for "2 papers", and whichever forms a translation adds (`_few`, `_many`…).
 * `count` is `$1`; `more` are `$2`… The forms follow the rules of the language the messages are
 * written in (its `locale_code`), not the browser's, which may have no translation.
 */
export function tn(stem: CountedKey, count: number, ...more: Substitution[]): string {
  pluralRules ??= new Intl.PluralRules(t('locale_code'));
  const form = `${stem}_${pluralRules.select(count)}` as MessageKey;
  return t(form, count, ...more) || t(`${stem}_other` as MessageKey, count, ...more);
}
