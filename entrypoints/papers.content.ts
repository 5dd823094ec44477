import { sendRequest } from '@/lib/messages/client';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_idle',
  async main() {
    const reply = await sendRequest({ type: 'ping' });
    // A marker on the page for tests and for anyone checking the extension is active here.
    document.documentElement.dataset.papershelf = reply.ok ? 'ready' : 'unreachable';
  },
});
