// Preloaded into the language server by test/robustness/files.test.ts (node --require): records, as
// JSON lines in $RST_SPECS_SPY_LOG, every file the server's code opens, lists, stats or writes,
// every network connection or DNS lookup it tries, every process or worker it starts and every
// module it loads. Its own writes go through functions taken before anything is wrapped.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

// Opened before anything is wrapped, and written with writeSync (which is not wrapped): the spy's
// own writes are not recorded (appendFileSync would call the wrapped writeFileSync).
const log = fs.openSync(process.env.RST_SPECS_SPY_LOG, 'a');
const writeSync = fs.writeSync.bind(fs);
const stack = () =>
  (new Error().stack || '')
    .split('\n')
    .slice(3, 6)
    .map((line) => line.trim())
    .join(' < ');
let recording = false;
function record(kind, detail) {
  if (recording) return;
  recording = true;
  try {
    writeSync(log, JSON.stringify({ kind, ...detail, from: stack() }) + '\n');
  } catch {
    // never disturb the server
  } finally {
    recording = false;
  }
}

const READS = [
  'readFile',
  'readFileSync',
  'stat',
  'statSync',
  'lstat',
  'lstatSync',
  'readdir',
  'readdirSync',
  'opendir',
  'opendirSync',
  'exists',
  'existsSync',
  'access',
  'accessSync',
  'realpath',
  'realpathSync',
  'readlink',
  'readlinkSync',
  'createReadStream',
  'watch',
  'watchFile',
];
const WRITES = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'unlink',
  'unlinkSync',
  'rename',
  'renameSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'symlink',
  'symlinkSync',
  'link',
  'linkSync',
  'truncate',
  'truncateSync',
  'chmod',
  'chmodSync',
  'chown',
  'chownSync',
  'utimes',
  'utimesSync',
  'createWriteStream',
];

function wrap(target, name, kind) {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function (...args) {
    record(kind, { op: name, path: typeof args[0] === 'number' ? `fd:${args[0]}` : String(args[0]) });
    return original.apply(this, args);
  };
}
function wrapOpen(target, name) {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function (...args) {
    const flags = args[1] === undefined || typeof args[1] === 'function' ? 'r' : String(args[1]);
    // Numeric flags (O_RDONLY | O_NONBLOCK, as the server opens files) read unless they ask to write or create.
    const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
    const reads =
      typeof args[1] === 'number'
        ? (args[1] & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) === 0
        : /^r$|^rs$|^r\+?s?$/.test(flags) && !flags.includes('+');
    record(reads ? 'read' : 'write', { op: name, path: String(args[0]), flags });
    return original.apply(this, args);
  };
}

for (const name of READS) wrap(fs, name, 'read');
for (const name of WRITES) wrap(fs, name, 'write');
wrapOpen(fs, 'open');
wrapOpen(fs, 'openSync');
for (const name of READS) wrap(fs.promises, name.replace(/Sync$/, ''), 'read');
for (const name of WRITES) wrap(fs.promises, name.replace(/Sync$/, ''), 'write');
wrapOpen(fs.promises, 'open');

const net = require('node:net');
for (const name of ['connect', 'createConnection']) wrap(net, name, 'network');
wrap(net.Socket.prototype, 'connect', 'network');
for (const module of ['node:http', 'node:https', 'node:http2']) {
  const loaded = require(module);
  for (const name of ['request', 'get', 'connect']) wrap(loaded, name, 'network');
}
wrap(require('node:tls'), 'connect', 'network');
wrap(require('node:dgram'), 'createSocket', 'network');
const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) wrap(dns, name, 'network');
if (typeof globalThis.fetch === 'function') wrap(globalThis, 'fetch', 'network');

const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(childProcess, name, 'process');
const workerThreads = require('node:worker_threads');
const Worker = workerThreads.Worker;
workerThreads.Worker = class extends Worker {
  constructor(...args) {
    record('process', { op: 'Worker', path: String(args[0]) });
    super(...args);
  }
};
wrap(process, 'dlopen', 'process');
const vm = require('node:vm');
for (const name of ['runInNewContext', 'runInContext', 'compileFunction']) wrap(vm, name, 'code');
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    record('code', { op: 'Script', path: String((typeof options === 'string' ? options : options && options.filename) || '') });
    super(code, options);
  }
};

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (!request.startsWith('node:') && !Module.isBuiltin(request)) record('module', { op: 'require', path: request });
  return load.apply(this, [request, parent, isMain]);
};
