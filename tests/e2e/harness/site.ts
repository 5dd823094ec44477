/**
 * What huggingface.co answers in a test: one function from a request to a reply, asked for every
 * request to huggingface.co and its subdomains, from tabs and from the extension's background alike.
 * Nothing else is reachable, so no request leaves the machine.
 */
export interface SiteRequest {
  url: URL;
  method: string;
}

export interface SiteReply {
  status: number;
  contentType?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** `'offline'` drops the connection, as a network that is down would. */
export type SiteAnswer = SiteReply | 'offline';

export type Site = (request: SiteRequest) => SiteAnswer | Promise<SiteAnswer>;

/** A page or an API answer: HTML (a string), or a function called per request. */
export type PageSource = string | (() => string | SiteAnswer);

const NOT_FOUND: SiteReply = { status: 404, body: '' };

/**
 * huggingface.co from fixtures: `pages` maps a path with its query ("/papers", "/papers?q=llm") or
 * without it to what to answer. Everything else (images, avatars, other hosts) is an empty 404.
 */
export function fixtureSite(pages: Record<string, PageSource>): Site {
  return ({ url }) => {
    if (url.hostname !== 'huggingface.co') return NOT_FOUND;
    const page = pages[url.pathname + url.search] ?? pages[url.pathname];
    if (page === undefined) return NOT_FOUND;
    const answer = typeof page === 'string' ? page : page();
    return typeof answer === 'string' ? { status: 200, contentType: 'text/html; charset=utf-8', body: answer } : answer;
  };
}

/** A JSON reply. */
export function json(value: unknown, status = 200): SiteReply {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

export function isHuggingFace(url: URL): boolean {
  return url.hostname === 'huggingface.co' || url.hostname.endsWith('.huggingface.co');
}
