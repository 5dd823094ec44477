declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<never> };
  tabs: { query(filter: { url?: string }): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};
