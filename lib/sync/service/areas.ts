/**
 * The parts of the extension APIs the sync service uses, so tests can give each simulated browser its
 * own storage.sync and storage.local. The background passes `browser.storage.sync`, `browser.storage.local`
 * and `browser.alarms`.
 */
export interface KeyValueArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface Alarms {
  create(name: string, info: { when: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<unknown>;
}

/** A value kept under one key of a storage area, read with a fallback. */
export async function readKey<T>(area: KeyValueArea, key: string, parse: (value: unknown) => T): Promise<T> {
  return parse((await area.get(key))[key]);
}

/** Waits `ms` (in tests: moves a simulated clock). */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
