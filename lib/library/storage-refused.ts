import type Dexie from 'dexie';
import { t } from '@/lib/i18n';

/**
 * Some browsers refuse IndexedDB to an extension altogether, and then every open of the library
 * fails: Firefox in private windows and when set to never remember history (InvalidStateError), a
 * browser that blocks all site data (SecurityError), one without IndexedDB (Dexie's MissingAPIError).
 * Retrying cannot help; the user has to be told what to change, in this sentence.
 */
export function storageRefusedMessage(): string {
  return t('error_storage_refused');
}

export class StorageRefusedError extends Error {
  override name = 'StorageRefusedError';
}

const REFUSALS = new Set(['InvalidStateError', 'SecurityError', 'MissingAPIError']);

const nameOf = (error: unknown) => (error as { name?: string } | null)?.name ?? '';
const innerNameOf = (error: unknown) => (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';

/** Opens the library; a browser that refuses storage gives a StorageRefusedError that says what to do. */
export async function openLibrary(db: Dexie): Promise<void> {
  try {
    await db.open();
  } catch (error) {
    if (REFUSALS.has(nameOf(error)) || REFUSALS.has(innerNameOf(error))) throw new StorageRefusedError(storageRefusedMessage(), { cause: error });
    throw error;
  }
}

/** Whether `error` comes from the browser refusing to open the library at all. */
export function isStorageRefused(error: unknown): boolean {
  const name = nameOf(error);
  if (name === 'StorageRefusedError' || name === 'MissingAPIError' || name === 'SecurityError') return true;
  // Dexie reports a later call on a library that failed to open as closed, with the open's error inside.
  return (name === 'DatabaseClosedError' || name === 'OpenFailedError') && REFUSALS.has(innerNameOf(error));
}

/** The sentence to show instead of the library when the browser refuses storage; undefined when it opens. */
export async function storageRefusal(db: Dexie): Promise<string | undefined> {
  try {
    await openLibrary(db);
    return undefined;
  } catch (error) {
    // Other failures are shown where the data is read.
    return error instanceof StorageRefusedError ? error.message : undefined;
  }
}
