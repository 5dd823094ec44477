import { deflateSync, inflateSync } from 'fflate';
import type { SyncState } from '@/lib/sync/sync-state';
import { decodeBase91, encodeBase91 } from '@/lib/sync/codec/base91';
import { DamagedItemError } from '@/lib/sync/codec/bytes';
import { crc32 } from '@/lib/sync/codec/checksum';
import { decodeBody, encodeBody } from '@/lib/sync/codec/shard-body';

/**
 * One storage.sync value: a string "<format><mode><payload>". The format number comes first so that any
 * later version can tell an older item and an older version can tell a newer one. Mode "z": the payload
 * is the body deflated, "r": the body as it is (small bodies do not shrink). Either way the payload is
 * basE91 of a CRC-32 of the body followed by the (deflated) body.
 */

export const FORMAT_VERSION = 1;

export type ItemRead =
  | { ok: true; state: SyncState }
  | { ok: false; reason: 'damaged'; detail: string }
  | { ok: false; reason: 'newer-format'; format: number };

export function encodeItem(state: SyncState): string {
  return packBody(encodeBody(state));
}

/** The item value for a body: deflated when that makes it shorter. */
export function packBody(body: Uint8Array): string {
  const raw = encodeBase91(withChecksum(body, body));
  const deflated = deflateSync(body, { level: 9, mem: 8 });
  const packed = deflated.length + 2 < body.length ? encodeBase91(withChecksum(body, deflated)) : undefined;
  return packed !== undefined && packed.length < raw.length ? `${FORMAT_VERSION}z${packed}` : `${FORMAT_VERSION}r${raw}`;
}

/** What an item holds. Never throws: a value that is not a readable item of a format we know says why. */
export function decodeItem(value: unknown): ItemRead {
  if (typeof value !== 'string') return damaged('not a string');
  const header = /^(\d{1,6})([a-z])/.exec(value);
  if (!header) return damaged('no format header');
  const format = Number(header[1]);
  if (format > FORMAT_VERSION) return { ok: false, reason: 'newer-format', format };
  if (format < 1) return damaged(`unknown format ${format}`);
  const mode = header[2];
  if (mode !== 'z' && mode !== 'r') return damaged(`unknown mode ${mode}`);
  const payload = decodeBase91(value.slice(header[0].length));
  if (payload === undefined || payload.length < 4) return damaged('not basE91');
  try {
    const body = mode === 'z' ? inflate(payload.subarray(4)) : payload.subarray(4);
    const expected = new DataView(payload.buffer, payload.byteOffset, 4).getUint32(0);
    if (crc32(body) !== expected) return damaged('checksum mismatch');
    return { ok: true, state: decodeBody(body) };
  } catch (error) {
    if (error instanceof DamagedItemError) return damaged(error.message);
    throw error;
  }
}

function inflate(bytes: Uint8Array): Uint8Array {
  try {
    return inflateSync(bytes);
  } catch {
    throw new DamagedItemError('does not inflate');
  }
}

function withChecksum(body: Uint8Array, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  new DataView(out.buffer).setUint32(0, crc32(body));
  out.set(payload, 4);
  return out;
}

function damaged(detail: string): ItemRead {
  return { ok: false, reason: 'damaged', detail };
}
