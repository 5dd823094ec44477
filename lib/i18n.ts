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

// A listing of a thousand cards asks for the same few messages thousands of times.
const withoutSubstitutions = new Map<string, string>();

/**
 * The message `key` in the reader's language (English when it has no translation), with `$1`…`$9`
 * replaced by `substitutions`.
 */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  if (substitutions.length === 0) {
    let text = withoutSubstitutions.get(key);
    if (text === undefined) withoutSubstitutions.set(key, (text = messages().getMessage(key)));
    return text;
  }
  return messages().getMessage(key, substitutions.map((s) => (typeof s === 'number' ? formatCount(s) : s)));
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
