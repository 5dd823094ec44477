import { measureElement, observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { useRovingFocus } from '@/components/popup/useRovingFocus';

const LIST_RECT = { width: 416, height: 380 };

interface VirtualListProps {
  label: string;
  /** Rows the list can scroll through (may be known before their ids are). */
  count: number;
  /** The id of the row at `index`, when known. */
  idAt: (index: number) => string | undefined;
  renderRow: (index: number, id: string) => ReactNode;
  estimateSize?: number;
}

/**
 * A list that renders only the rows on screen, so thousands scroll as smoothly as ten; arrow keys
 * move between rows. Rows are keyed by position: a key per id would make every new list re-measure
 * all positions, the largest cost of a search keystroke at 20,000 papers.
 */
export function VirtualList({ label, count, idAt, renderRow, estimateSize = 66 }: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions are not memoizable; this component is simply not compiler-optimized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateSize,
    overscan: 6,
    initialRect: LIST_RECT,
    // Until the list has been laid out (or where nothing is laid out), assume the popup's size.
    observeElementRect: (instance, callback) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : LIST_RECT)),
    // A row that is not laid out (a hidden tab) measures 0: keep the estimate rather than stack every row in one place.
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || estimateSize,
  });
  const roving = useRovingFocus(count, { onMove: (index) => virtualizer.scrollToIndex(index) });
  return (
    <div ref={scroller} className="scroller">
      <ul className="rows" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const id = idAt(item.index);
          if (id === undefined) return null;
          const focus = roving.itemProps(item.index, id);
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={(el) => {
                virtualizer.measureElement(el);
                focus.ref(el);
              }}
              className="virtual-row"
              style={{ transform: `translateY(${item.start}px)` }}
              tabIndex={focus.tabIndex}
              onKeyDown={focus.onKeyDown}
              aria-setsize={count}
              aria-posinset={item.index + 1}
            >
              {renderRow(item.index, id)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
