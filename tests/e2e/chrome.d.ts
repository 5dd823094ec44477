declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<never> };
  tabs: { query(filter: { url?: string }): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  permissions: {
    contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    remove(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  };
};
