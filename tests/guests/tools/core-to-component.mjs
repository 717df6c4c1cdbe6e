// Turns a core wasm module that follows the canonical ABI by hand (no wit-bindgen) into a
// component for a WIT world.
//
//   node tools/core-to-component.mjs <core.wasm> <world.wit> <world-name> <out.wasm>
//
// The WIT is passed to jco as text on purpose: jco 1.35's file-reading path (`jco embed --wit`)
// runs wasm-tools on a WASI shim without filesystem preopens and fails with os error 44.
// <world.wit> must therefore be one self-contained file (no deps/ folder).
import { readFile, writeFile, rename } from 'node:fs/promises';
import { componentEmbed, componentNew } from '@bytecodealliance/jco';

const [corePath, witPath, world, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node tools/core-to-component.mjs <core.wasm> <world.wit> <world-name> <out.wasm>');
  process.exit(2);
}

const embedded = await componentEmbed({
  binary: await readFile(corePath),
  witSource: await readFile(witPath, 'utf8'),
  world,
  stringEncoding: 'utf8',
});
const component = await componentNew(embedded);
// Write then rename, so an interrupted build never leaves a truncated component behind.
await writeFile(`${outPath}.tmp`, component);
await rename(`${outPath}.tmp`, outPath);
console.log(`  ${outPath}: ${component.length} bytes`);
