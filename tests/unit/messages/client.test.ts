// @vitest-environment node
import { fakeBrowser } from 'wxt/testing';
import { sendRequest } from '@/lib/messages/client';

/** Firefox's answer to a message that arrives while it unloads the event page for idling. */
const UNLOADING = new Error('Could not establish connection. Receiving end does not exist.');

describe('sendRequest', () => {
  it('sends again, once, a message that arrived while the browser was unloading the background', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(UNLOADING).mockResolvedValueOnce({ ok: true, version: '0.1.0' });
    expect(await sendRequest({ type: 'ping' })).toEqual({ ok: true, version: '0.1.0' });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after that, with a reply that says so', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(UNLOADING);
    expect(await sendRequest({ type: 'ping' })).toEqual({ ok: false, error: `PaperShelf could not be reached: ${UNLOADING.message}` });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a message for any other failure', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await sendRequest({ type: 'ping' })).toMatchObject({ ok: false });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
