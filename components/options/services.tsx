import { createContext, useContext } from 'react';
import type { Library } from '@/lib/library/library';
import type { LibraryReader } from '@/lib/library/reader';
import type { Reply, RequestOf, RequestType } from '@/lib/messages/protocol';

/** What the options page needs from the browser; the entry point passes the real ones. */
export interface OptionsServices {
  /** How the page reads the library; it writes through `send`, like every page. */
  reader: LibraryReader;
  /**
   * The one write made here and not through the background: an import of tens of thousands of
   * papers is one transaction with progress shown as it goes, which a message could not carry.
   */
  importPapers: Library['importPapers'];
  send: <T extends RequestType>(request: RequestOf<T>) => Promise<Reply<T>>;
  download: (fileName: string, type: string, text: string) => void;
  /** Asks the browser for the notifications permission; true when granted. */
  requestNotifications: () => Promise<boolean>;
}

const Context = createContext<OptionsServices | null>(null);
export const OptionsServicesProvider = Context.Provider;

export function useOptionsServices(): OptionsServices {
  const services = useContext(Context);
  if (!services) throw new Error('useOptionsServices outside OptionsServicesProvider');
  return services;
}
