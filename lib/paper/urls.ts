// No zod here: exports and the content script use it.

/**
 * The normalized address when `raw` is a plain https URL, else null. Whitespace, quotes and angle
 * brackets are refused rather than escaped: no real link needs them, and each could end a link early
 * in Markdown, HTML or BibTeX.
 */
export function httpsHref(raw: string): string | null {
  if (/[\s"'<>`\\]/.test(raw) || [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}
