import type { OptionsServices } from '@/components/options/services';
import type { Library } from '@/lib/library/library';
import { NotInterestedStore } from '@/lib/library/not-interested';
import { LibraryReader } from '@/lib/library/reader';
import type { Reply, RequestOf, RequestType } from '@/lib/messages/protocol';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { initialSyncStatus } from '@/lib/sync/service/status';
import { fakeTrending } from '../helpers';

const own = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id/', version: '0.1.0' };
const optionsPage = { id: own.id, url: `${own.origin}options.html` };

/** The settings page's services over a real library and router, as in the extension. */
export function optionsServices(library: Library, overrides: Partial<OptionsServices> = {}) {
  const trending = fakeTrending();
  const deps: RouterDeps = {
    library,
    notInterested: new NotInterestedStore(library.db),
    own,
    trending,
    cardUndo: { keep: vi.fn(), take: vi.fn() },
    sync: { setEnabled: async (on) => initialSyncStatus(on), status: async () => initialSyncStatus(false) },
  };
  const send = vi.fn(async <T extends RequestType>(request: RequestOf<T>) => (await routeMessage(request, optionsPage as never, deps)) as Reply<T>);
  const services: OptionsServices = {
    reader: new LibraryReader(library.db),
    importPapers: (papers, onProgress) => library.importPapers(papers, onProgress),
    send,
    download: vi.fn(),
    requestNotifications: vi.fn(async () => true),
    ...overrides,
  };
  return { services, send, trending };
}
