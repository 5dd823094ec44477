declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<never> };
  tabs: { query(filter: { url?: string }): Promise<{ id?: number }[]> };
};
