import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip } from './zip.js';

/** Reads a zip through its central directory (an independent reader for the round trip). */
function readZip(buf: Buffer): Map<string, Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThanOrEqual(0);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const elen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(data.length).toBe(size);
    expect(crc32(data) >>> 0).toBe(crc);
    out.set(name, data);
    p += 46 + nlen + elen + clen;
  }
  return out;
}

describe('writeZip', () => {
  it('round-trips files (deflated and stored), with UTF-8 names and folders', () => {
    const text = Buffer.from('閱讀檢視 '.repeat(200));
    const noise = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256));
    const zip = writeZip([
      { name: 'manifest.json', data: Buffer.from('{"a":1}') },
      { name: '_locales/zh_TW/messages.json', data: text },
      { name: 'icons/x.bin', data: noise },
      { name: 'empty.txt', data: Buffer.alloc(0) },
    ]);
    const files = readZip(zip);
    expect([...files.keys()]).toEqual([
      'manifest.json',
      '_locales/zh_TW/messages.json',
      'icons/x.bin',
      'empty.txt',
    ]);
    expect(files.get('_locales/zh_TW/messages.json')!.equals(text)).toBe(true);
    expect(files.get('icons/x.bin')!.equals(noise)).toBe(true);
    expect(files.get('empty.txt')!.length).toBe(0);
    expect(zip.length).toBeLessThan(text.length); // the repetitive file was compressed
  });

  it('is reproducible: same input, same bytes', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('hello') }];
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });
});
