import { useRef, type KeyboardEvent } from 'react';

/**
 * Arrow keys move between the rows of a list, Home/End jump, Enter opens the row's first link.
 * Rows are focusable themselves; their buttons and inputs keep their own keys.
 */
export function useRovingFocus(count: number, options: { onMove?: (index: number) => void } = {}) {
  const rows = useRef(new Map<number, HTMLElement>());
  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    options.onMove?.(target);
    // The row may need a render (virtual lists) before it exists.
    requestAnimationFrame(() => rows.current.get(target)?.focus());
    rows.current.get(target)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    if (event.target !== event.currentTarget) return; // inside an input or button
    if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(count - 1);
    else if (event.key === 'Enter') event.currentTarget.querySelector<HTMLAnchorElement>('a[href]')?.click();
    else return;
    event.preventDefault();
  };
  return {
    itemProps: (index: number, key: string) => ({
      tabIndex: index === 0 ? 0 : -1,
      'data-row-key': key,
      ref: (el: HTMLElement | null) => {
        if (el) rows.current.set(index, el);
        else rows.current.delete(index);
      },
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, index),
    }),
  };
}
