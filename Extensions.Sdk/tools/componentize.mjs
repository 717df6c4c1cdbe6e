// Makes a WebAssembly component from a core module that implements a saas:extensibility world:
// jco's componentEmbed (the world, from WIT text) and componentNew, with the WASI preview1
// reactor adapter that ships inside the jco package when the module imports WASI preview1
// (Rust std on wasm32-wasip1, Go on wasip1). The same import shape as `cargo component` or
// the wasm32-wasip2 target produce.
//
//   node componentize.mjs --core <core.wasm> --wit <world.wit> --world <name> --out <component.wasm>
//                         [--wasi] [--fixed-memory-mib <n>]
//
// --wasi                 link the preview1 reactor adapter (the module imports wasi_snapshot_preview1).
// --fixed-memory-mib n   Go only: give the module n MiB of memory up front and let it grow only by
//                        the adapter's two pages. The adapter takes two pages with memory.grow while
//                        Go starts; Go's allocator later grows memory assuming the new pages follow
//                        its own heap and would overwrite them. Memory that cannot grow past the
//                        adapter's pages turns that into a clean "out of memory" trap instead.
//
// jco is resolved from the current directory (the project's node_modules), so this file can live
// anywhere. The WIT is passed to jco as text: jco 1.35's file-reading path fails (os error 44).
import { readFile, writeFile, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const usage = 'usage: node componentize.mjs --core <core.wasm> --wit <world.wit> --world <name> --out <component.wasm> [--wasi] [--fixed-memory-mib <n>]';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      core: { type: 'string' },
      wit: { type: 'string' },
      world: { type: 'string' },
      out: { type: 'string' },
      wasi: { type: 'boolean', default: false },
      'fixed-memory-mib': { type: 'string' },
    },
  }));
} catch (error) {
  fail(`${error.message}\n${usage}`);
}
for (const required of ['core', 'wit', 'world', 'out']) {
  if (!args[required]) fail(`--${required} is required\n${usage}`);
}

let jcoEntry;
try {
  jcoEntry = createRequire(join(process.cwd(), 'package.json')).resolve('@bytecodealliance/jco');
} catch {
  fail(`@bytecodealliance/jco is not installed in ${process.cwd()}: run npm install (or npm ci) there first`);
}
const { componentEmbed, componentNew } = await import(pathToFileURL(jcoEntry).href);

let core = await readFile(args.core);
if (args['fixed-memory-mib']) {
  const mib = Number(args['fixed-memory-mib']);
  if (!Number.isInteger(mib) || mib < 1 || mib > 4096) fail(`--fixed-memory-mib must be a whole number of MiB from 1 to 4096, not '${args['fixed-memory-mib']}'`);
  const pages = mib * 16;
  core = setMemoryLimits(core, pages, pages + 2);
}

const embedded = await componentEmbed({
  binary: core,
  witSource: await readFile(args.wit, 'utf8'),
  world: args.world,
  stringEncoding: 'utf8',
});
const adapters = args.wasi
  ? [['wasi_snapshot_preview1', await readFile(join(dirname(dirname(jcoEntry)), 'lib', 'wasi_snapshot_preview1.reactor.wasm'))]]
  : [];
const component = await componentNew(embedded, adapters);
// Write then rename, so an interrupted build never leaves a truncated component behind.
await writeFile(`${args.out}.tmp`, component);
await rename(`${args.out}.tmp`, args.out);
console.log(`${args.out}: ${component.length} bytes`);

function fail(message) {
  console.error(`componentize: ${message}`);
  process.exit(2);
}

// Rewrites the limits of the module's one defined memory (memory section, id 5).
function setMemoryLimits(module, minimumPages, maximumPages) {
  if (module.length < 8 || module.readUInt32LE(0) !== 0x6d736100 || module.readUInt32LE(4) !== 1) {
    fail(`${args.core} is not a core WebAssembly module`);
  }
  const parts = [module.subarray(0, 8)];
  let offset = 8;
  let rewritten = false;
  while (offset < module.length) {
    const id = module[offset];
    const [size, sizeLength] = readLeb(module, offset + 1);
    const bodyStart = offset + 1 + sizeLength;
    const bodyEnd = bodyStart + size;
    if (id === 5) {
      const [count, countLength] = readLeb(module, bodyStart);
      if (count !== 1) fail(`${args.core} defines ${count} memories; --fixed-memory-mib needs exactly one`);
      const flags = module[bodyStart + countLength];
      if (flags > 1) fail(`${args.core}: memory flags ${flags} (shared or 64-bit memory) are not supported`);
      const [minimum] = readLeb(module, bodyStart + countLength + 1);
      if (minimum > minimumPages) fail(`${args.core} needs ${minimum} pages of memory at start, more than --fixed-memory-mib gives (${minimumPages})`);
      const body = Buffer.concat([writeLeb(1), Buffer.from([1]), writeLeb(minimumPages), writeLeb(maximumPages)]);
      parts.push(Buffer.from([5]), writeLeb(body.length), body);
      rewritten = true;
    } else {
      parts.push(module.subarray(offset, bodyEnd));
    }
    offset = bodyEnd;
  }
  if (!rewritten) fail(`${args.core} defines no memory of its own`);
  return Buffer.concat(parts);
}

function readLeb(buffer, at) {
  let value = 0;
  let shift = 0;
  let length = 0;
  for (;;) {
    const byte = buffer[at + length++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, length];
    shift += 7;
  }
}

function writeLeb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return Buffer.from(bytes);
}
