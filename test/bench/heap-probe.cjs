// Preloaded into the language server by the memory benchmark (node --expose-gc --require): on
// SIGUSR2, collects garbage and writes process.memoryUsage() as JSON to $RST_SPECS_HEAP_PROBE.
'use strict';
const fs = require('node:fs');
const file = process.env.RST_SPECS_HEAP_PROBE;
if (file && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc();
    fs.writeFileSync(file, JSON.stringify(process.memoryUsage()));
  });
}
