import { storage } from 'wxt/utils/storage';
import type { z } from '@/lib/zod-config';

/**
 * A setting kept in storage.local (or .session) as a versioned WXT storage item, checked with zod on every read:
 * whatever is stored (an older shape, a damaged value, nothing) reads as valid settings, falling back
 * to the defaults the schema gives. No cast of what storage returns.
 */
export function settingsItem<S extends z.ZodType<object, unknown>>(
  key: `local:${string}` | `session:${string}`,
  schema: S,
  options: { version?: number; migrations?: Record<number, (old: unknown) => unknown> } = {},
) {
  const item = storage.defineItem<unknown>(key, { version: options.version ?? 1, migrations: options.migrations });
  const defaults = (): z.output<S> => schema.parse({});
  return {
    /** The key in its storage area, for listeners of storage.onChanged. */
    key: key.slice(key.indexOf(':') + 1),
    async get(): Promise<z.output<S>> {
      const parsed = schema.safeParse((await item.getValue()) ?? {});
      return parsed.success ? parsed.data : defaults();
    },
    async set(value: z.input<S>): Promise<z.output<S>> {
      const parsed = schema.parse(value);
      await item.setValue(parsed);
      return parsed;
    },
    watch(callback: (value: z.output<S>) => void): () => void {
      return item.watch((value) => {
        const parsed = schema.safeParse(value ?? {});
        callback(parsed.success ? parsed.data : defaults());
      });
    },
  };
}
