// `node scripts/make-icons.mjs`: draws the app icon and the tray icons (one per state: idle,
// firing, escalating, incident) and writes them to assets/icons. Plain Node: shapes are coverage
// functions sampled 4×4 per pixel, PNGs are encoded by hand (zlib + CRC32), and the .ico/.icns
// containers embed those PNGs. The output is committed; run this again only to change a design.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = 4;

// ---- shapes: each answers "is (x, y) inside?" in a unit square, y downwards ----

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, width) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r + width / 2 && d >= r - width / 2;
};
const roundedRect = (x0, y0, x1, y1, radius) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
};
/** A line from (ax, ay) to (bx, by) with round caps. */
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
};
const polyline = (points, width) => {
  const parts = points
    .slice(1)
    .map((p, i) => segment(points[i][0], points[i][1], p[0], p[1], width));
  return (x, y) => parts.some((inside) => inside(x, y));
};

// ---- raster and PNG ----

/** Render layers ([shape, [r, g, b, a]], painted in order) to RGBA bytes. */
function render(size, layers) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          // Premultiplied "over" compositing of every layer at this sample.
          let sr = 0;
          let sg = 0;
          let sb = 0;
          let sa = 0;
          for (const [inside, [lr, lg, lb, la]] of layers) {
            if (!inside(x, y)) continue;
            sr = lr * la + sr * (1 - la);
            sg = lg * la + sg * (1 - la);
            sb = lb * la + sb * (1 - la);
            sa = la + sa * (1 - la);
          }
          r += sr;
          g += sg;
          b += sb;
          a += sa;
        }
      }
      const n = SAMPLES * SAMPLES;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      pixels[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      pixels[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      pixels[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      pixels[i + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** An 8-bit RGBA PNG, filter type 0 on every row. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // depth 8, colour type RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1)
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const png = (size, layers) => encodePng(size, render(size, layers));

/** Windows .ico holding PNG images (supported since Vista). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

/** macOS .icns holding PNG images, by OSType. */
function encodeIcns(images) {
  const parts = images.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, part) => n + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

// ---- designs ----

const rgba = (hex, a = 1) => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
  a,
];
const WHITE = rgba('#ffffff');
// A faint dark rim keeps the coloured discs readable on light panels too.
const rim = [circle(0.5, 0.5, 0.48), rgba('#000000', 0.35)];
const disc = (colour) => [circle(0.5, 0.5, 0.43), rgba(colour)];

const trayDesigns = {
  // Idle: a calm grey ring, readable on dark and light panels alike.
  idle: [
    [circle(0.5, 0.5, 0.46), rgba('#000000', 0.25)],
    [ring(0.5, 0.5, 0.33, 0.2), rgba('#9aa4b2')],
  ],
  // Firing: red disc with an exclamation mark.
  firing: [
    rim,
    disc('#e03131'),
    [segment(0.5, 0.24, 0.5, 0.56, 0.15), WHITE],
    [circle(0.5, 0.75, 0.085), WHITE],
  ],
  // Escalating: orange disc with an upward arrow (the page is going up the chain).
  escalating: [
    rim,
    disc('#f08c00'),
    [segment(0.5, 0.28, 0.5, 0.76, 0.14), WHITE],
    [
      polyline(
        [
          [0.29, 0.47],
          [0.5, 0.26],
          [0.71, 0.47],
        ],
        0.14,
      ),
      WHITE,
    ],
  ],
  // Incident: deep red disc with a white target (an incident is declared and being worked).
  incident: [
    rim,
    disc('#a61e4d'),
    [ring(0.5, 0.5, 0.24, 0.11), WHITE],
    [circle(0.5, 0.5, 0.09), WHITE],
  ],
};

// App icon: a navy rounded square with a white heartbeat line and a red alert dot.
const appDesign = [
  [roundedRect(0.06, 0.06, 0.94, 0.94, 0.2), rgba('#1c2b4a')],
  [
    polyline(
      [
        [0.16, 0.58],
        [0.36, 0.58],
        [0.44, 0.36],
        [0.54, 0.78],
        [0.62, 0.5],
        [0.84, 0.5],
      ],
      0.075,
    ),
    WHITE,
  ],
  [circle(0.76, 0.26, 0.1), rgba('#ff4d4f')],
];

function write(relative, data) {
  const file = join(root, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  process.stdout.write(`${relative} (${data.length} bytes)\n`);
}

for (const [state, design] of Object.entries(trayDesigns)) {
  write(`assets/icons/tray/${state}.png`, png(16, design));
  write(`assets/icons/tray/${state}@2x.png`, png(32, design));
}

const app = new Map(
  [16, 24, 32, 48, 64, 128, 256, 512, 1024].map((size) => [size, png(size, appDesign)]),
);
write('assets/icons/app/icon.png', app.get(512));
write(
  'assets/icons/app/icon.ico',
  encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: app.get(size) }))),
);
write(
  'assets/icons/app/icon.icns',
  encodeIcns([
    { type: 'icp4', data: app.get(16) },
    { type: 'icp5', data: app.get(32) },
    { type: 'icp6', data: app.get(64) },
    { type: 'ic07', data: app.get(128) },
    { type: 'ic08', data: app.get(256) },
    { type: 'ic09', data: app.get(512) },
    { type: 'ic10', data: app.get(1024) },
    { type: 'ic11', data: app.get(32) },
    { type: 'ic12', data: app.get(64) },
    { type: 'ic13', data: app.get(256) },
    { type: 'ic14', data: app.get(512) },
  ]),
);
