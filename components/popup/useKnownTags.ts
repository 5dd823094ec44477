import { useLiveQuery } from 'dexie-react-hooks';
import type { TagCount } from '@/lib/paper/tags';
import { useServices } from '@/components/popup/services';
import { useAfterFirstPaint } from '@/components/popup/useAfterFirstPaint';

/**
 * Every tag in the library with its count, most used first; live. Counted after the first paint:
 * with tens of thousands of papers it is the slowest query, and nothing on the first screen needs it.
 */
export function useTagCounts(): TagCount[] {
  const { library } = useServices();
  const painted = useAfterFirstPaint();
  return useLiveQuery(() => (painted ? library.tagCounts() : []), [library, painted]) ?? [];
}
