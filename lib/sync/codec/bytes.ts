/**
 * Bytes in and out for the shard format: unsigned LEB128 varints (exact up to 2^53, with arithmetic
 * rather than 32-bit shifts), zigzag for signed numbers, and UTF-8 strings with their length.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class DamagedItemError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DamagedItemError';
  }
}

export class ByteWriter {
  private bytes = new Uint8Array(256);
  private length = 0;

  uint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Not a small unsigned integer: ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  int(value: number): void {
    this.uint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  string(value: string): void {
    const utf8 = encoder.encode(value);
    this.uint(utf8.length);
    this.raw(utf8);
  }

  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private byte(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  private room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
}

export class ByteReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new DamagedItemError('cut short');
      const b = this.bytes[this.at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 53) throw new DamagedItemError('number too large');
    }
    if (!Number.isSafeInteger(value)) throw new DamagedItemError('number too large');
    return value;
  }

  int(): number {
    const zigzag = this.uint();
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }

  /** A count of things that each take at least one byte: never more than the bytes left. */
  count(): number {
    const n = this.uint();
    if (n > this.bytes.length - this.at) throw new DamagedItemError('count beyond the item');
    return n;
  }

  string(maxLength: number): string {
    const length = this.count();
    if (length > maxLength * 4) throw new DamagedItemError('text too long');
    const text = this.decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    if (text.length > maxLength) throw new DamagedItemError('text too long');
    return text;
  }

  take(length: number): Uint8Array {
    if (length > this.bytes.length - this.at) throw new DamagedItemError('cut short');
    const bytes = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }

  done(): boolean {
    return this.at === this.bytes.length;
  }

  private decode(utf8: Uint8Array): string {
    try {
      return decoder.decode(utf8);
    } catch {
      throw new DamagedItemError('text is not UTF-8');
    }
  }
}
