// Branch f64fmt: no code in the wasm prints an f64 with core's printers (`{}`, `{:.N}`, `{:?}`,
// f64::to_string, f64::clamp's panic message); numbers become text through i18n::fixed and
// i18n::plain (ARCHITECTURE.md, "Bundle size"). One stray site brings Grisu and Dragon back
// (≈ 5 KB gzipped), and with them Grisu's table of cached powers of ten, whose first entry
// (10^-308 ≈ 0xe61acf033d1a45df × 2^-1087, stored as u64, i16 -1087, i16 -308) is searched
// for here (main before this branch: found at byte 965,132 of its dist/ wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = new URL('../../dist/', import.meta.url).pathname;

test("the wasm holds none of core's float printers", () => {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm in dist/: ${wasm}`);
  const bytes = readFileSync(join(DIST, wasm[0]));
  const entry = Buffer.alloc(12);
  entry.writeBigUInt64LE(0xe61acf033d1a45dfn, 0);
  entry.writeInt16LE(-1087, 8);
  entry.writeInt16LE(-308, 10);
  assert.equal(bytes.indexOf(entry), -1, "Grisu's cached powers of ten are in the wasm: some code formats an f64 with {}, {:.N} or {:?}");
});
