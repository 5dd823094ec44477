import { useLiveQuery } from 'dexie-react-hooks';
import { countTags, type TagCount } from '@/lib/library/library';
import { useServices } from './services';

/** Every tag in the library with its count, most used first; live. */
export function useTagCounts(): TagCount[] {
  const { db } = useServices();
  return useLiveQuery(() => countTags(db), [db]) ?? [];
}
