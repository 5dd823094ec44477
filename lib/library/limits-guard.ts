import type { DBCore, Middleware } from 'dexie';
import { paperLimitProblem } from '@/lib/paper/limits';
import type { PaperRecord } from '@/lib/library/schema';

/** A write refused because a paper would break one of the model's limits; the message is for the user. */
export class PaperLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaperLimitError';
  }
}

/**
 * Every paper written to the library is checked against the model's limits in the storage layer
 * itself, whoever writes (an action, an import, an upgrade, sync), so the library never holds what a
 * backup could not carry. A refused paper fails its whole transaction: the action changes nothing.
 * Schema upgrades are let through: they carry older data, and version 5 repairs it.
 */
export const enforcePaperLimits: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'paper-limits',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'papers') return table;
        return {
          ...table,
          mutate(request) {
            // Upgrades run before the limits held and repair what breaks them (schema version 5).
            const upgrading = (request.trans as unknown as Partial<IDBTransaction>).mode === 'versionchange';
            if (!upgrading && (request.type === 'add' || request.type === 'put')) {
              for (const value of request.values as PaperRecord[]) {
                const problem = paperLimitProblem(value);
                if (problem) return Promise.reject(new PaperLimitError(problem));
              }
            }
            return table.mutate(request);
          },
        };
      },
    };
  },
};
