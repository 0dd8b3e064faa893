// @vitest-environment node
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

// The committed manifest and the icons scripts/make-icons.mjs drew: each icon a valid PNG of its declared size.
const publicDir = new URL('../../public/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path.replace(/^\//, ''), publicDir));

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from the IHDR chunk after checking the signature, the chunk CRCs and that the pixels inflate to the right length. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length)).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  expect(ended).toBe(true);
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  const [depth, colour] = [header![8], header![9]];
  expect({ depth, colour }).toEqual({ depth: 8, colour: 6 });
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (width * 4 + 1));
  return { width, height };
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('web app manifest', () => {
  const manifest = JSON.parse(read('manifest.webmanifest').toString('utf8')) as Record<string, unknown> & { icons: Icon[] };

  it('names the app and installs it standalone from the root', () => {
    expect(manifest).toMatchObject({ name: 'Glidepath', short_name: 'Glidepath', start_url: '/', scope: '/', display: 'standalone', theme_color: '#123a75' });
  });

  it('has 192 and 512 px icons and a maskable one, each a valid PNG of its declared size', () => {
    const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      expect(icon.type).toBe('image/png');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(read(icon.src))).toEqual({ width: w, height: h });
    }
  });

  it('is linked from index.html with the theme colour', () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest" />');
    expect(html).toContain('<meta name="theme-color" content="#123a75" />');
  });
});
