// No zod here: this file is part of the content script, which must stay small.

/** New-style arXiv ids: YYMM.NNNN (2007–2014) or YYMM.NNNNN (2015 on), maybe with a version. */
const ARXIV_ID_WITH_VERSION = /^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$/i;

/** Returns the canonical id (version suffix stripped), or null when `raw` is not an arXiv id. */
export function normalizeArxivId(raw: string): string | null {
  const match = ARXIV_ID_WITH_VERSION.exec(raw.trim());
  return match ? (match[1] ?? null) : null;
}

export function paperLinks(id: string) {
  return {
    huggingFace: `https://huggingface.co/papers/${id}`,
    arxiv: `https://arxiv.org/abs/${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
  };
}
