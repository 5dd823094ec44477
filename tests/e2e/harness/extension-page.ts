import type { Extension, Tab } from './types';

/**
 * What an extension page can ask the browser for, alike in both browsers: asked through one page of
 * the extension's kept open for the whole launch (`page` opens it the first time).
 */
export function askedFromExtensionPage(page: () => Promise<Tab>): Pick<Extension, 'send' | 'tabId' | 'badge'> {
  return {
    async send<Reply>(message: unknown) {
      return (await page()).evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean } & Reply>;
    },
    async tabId(url: string) {
      return (await page()).evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
    },
    async badge() {
      return (await page()).evaluate(() => (chrome as unknown as { action: { getBadgeText(d: object): Promise<string> } }).action.getBadgeText({}));
    },
  };
}
