declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<never> };
  tabs: { query(filter: { url?: string }): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  extension: { getViews(filter: { type: 'popup' | 'tab' }): Window[] };
  permissions: {
    contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    remove(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  };
};
