/** The name of the library's IndexedDB database, in the extension's own origin. */
export const DEFAULT_DATABASE_NAME = 'papershelf';
