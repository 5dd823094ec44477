import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

const PAPERS = 'papers';
const CHANGES = 'changes';

/** Past this many ids one write is logged as "anything may have changed": the reader rebuilds. */
export const MAX_LOGGED_IDS = 5000;

/** The ids a write touches, or null when it cannot say (a range deleted, a table cleared). */
function changedIds(table: DBCoreTable, request: DBCoreMutateRequest): string[] | null {
  switch (request.type) {
    case 'deleteRange':
      return null;
    case 'delete':
      return request.keys.map(String);
    case 'add':
    case 'put': {
      const keys = request.keys ?? request.values.map((value) => table.schema.primaryKey.extractKey!(value));
      return [...keys, ...(request.type === 'put' ? (request.updates?.keys ?? []) : [])].map(String);
    }
  }
}

/**
 * Every write to the papers table also appends a change record, in the same transaction: so the
 * log holds exactly the committed writes, whoever made them (background, settings page, an upgrade),
 * and an aborted write leaves no trace in either. The search index (lib/search) reads the log to
 * catch up instead of re-reading the library.
 */
export const logPaperChanges: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'paper-change-log',
  create(down) {
    const hasLog = down.schema.tables.some((t) => t.name === CHANGES);
    if (!hasLog) return {};
    return {
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' && stores.includes(PAPERS) && !stores.includes(CHANGES) ? [...stores, CHANGES] : stores, mode, options),
      table(name) {
        const table = down.table(name);
        if (name !== PAPERS) return table;
        const log = down.table(CHANGES);
        return {
          ...table,
          async mutate(request) {
            const result = await table.mutate(request);
            // Upgrades from versions before the log existed run in a transaction without it.
            const stores = (request.trans as unknown as Partial<IDBTransaction>).objectStoreNames;
            if (stores && !stores.contains(CHANGES)) return result;
            const ids = changedIds(table, request);
            if (ids?.length === 0) return result;
            await log.mutate({ type: 'add', trans: request.trans, values: [{ ids: ids && ids.length <= MAX_LOGGED_IDS ? ids : null }] });
            return result;
          },
        };
      },
    };
  },
};
