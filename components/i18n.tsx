import { Fragment, type ReactNode } from 'react';
import { t, type MessageKey, type Substitution } from '@/lib/i18n';

/** Where part `i` goes: private-use characters, which no message contains. */
const marker = (i: number) => `\uE000${i}\uE001`;

/**
 * A message with elements in it (a link, a field, a bold count): `$1`… stand for `parts`, in
 * whatever order the language puts them. Text parts are substituted as they are.
 */
export function tParts(key: MessageKey, ...parts: (ReactNode | Substitution)[]): ReactNode {
  const pieces = t(key, ...parts.map((_, i) => marker(i))).split(/\uE000(\d)\uE001/);
  return pieces.map((piece, i) => <Fragment key={i}>{i % 2 === 0 ? piece : parts[Number(piece)]}</Fragment>);
}
