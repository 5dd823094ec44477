/**
 * Calls `onChange` when the page's address may have changed through the site's own in-page
 * navigation, without polling: the Navigation API where the browser has it, else the title and head
 * changing (the site updates them on every navigation) and history moves.
 */
export function watchAddress(window: Window, onChange: () => void, signal: AbortSignal): void {
  const navigation = (window as Window & { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', onChange, { signal });
    return;
  }
  const observer = new MutationObserver(onChange);
  observer.observe(window.document.head, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  window.addEventListener('popstate', onChange, { signal });
}
