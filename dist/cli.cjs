#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli/entry.ts
var import_node_fs = __toESM(require("node:fs"), 1);
var import_node_module = __toESM(require("node:module"), 1);
var import_node_path = __toESM(require("node:path"), 1);
var import_node_url = require("node:url");
var import_node_vm = __toESM(require("node:vm"), 1);

// src/cli/code-cache.ts
var import_node_crypto = __toESM(require("node:crypto"), 1);
var import_node_v8 = __toESM(require("node:v8"), 1);
var MAGIC = "MILCC1\n";
var MAX_CACHE_BYTES = 32 * 1024 * 1024;
function currentKey(bundleHash) {
  return {
    bundle: bundleHash,
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    v8Flags: import_node_v8.default.cachedDataVersionTag()
  };
}
function digest(data) {
  const oneShot = import_node_crypto.default.hash;
  return oneShot ? oneShot("sha256", data, "hex") : import_node_crypto.default.createHash("sha256").update(data).digest("hex");
}
function encodeCodeCache(key, data) {
  const header = { ...key, size: data.length, sha256: digest(data) };
  return Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + "\n", "utf8"), data]);
}
var KEY_NAMES = {
  bundle: "another build of the CLI",
  node: "another Node.js version",
  v8: "another V8 version",
  platform: "another platform",
  arch: "another architecture",
  v8Flags: "other V8 flags (a node option or NODE_OPTIONS)"
};
function decodeCodeCache(file, key) {
  if (file.length < MAGIC.length || file.toString("latin1", 0, MAGIC.length) !== MAGIC) return { reason: "not a code cache file" };
  const end = file.indexOf(10, MAGIC.length);
  if (end < 0) return { reason: "truncated header" };
  let header;
  try {
    header = JSON.parse(file.toString("utf8", MAGIC.length, end));
  } catch {
    return { reason: "unreadable header" };
  }
  if (typeof header !== "object" || header === null) return { reason: "unreadable header" };
  for (const name of Object.keys(KEY_NAMES)) {
    if (JSON.stringify(header[name]) !== JSON.stringify(key[name])) return { reason: `made for ${KEY_NAMES[name]}` };
  }
  const data = file.subarray(end + 1);
  if (data.length !== header.size) return { reason: `truncated (${data.length} of ${String(header.size)} bytes)` };
  if (digest(data) !== header.sha256) return { reason: "corrupt (checksum differs)" };
  return { data };
}

// src/cli/entry.ts
var BUNDLE = "cli-bundle.cjs";
var CACHE = "cli-bundle.cache";
var ESM_MAIN = "./cli-main.js";
var here = __dirname;
var mode = process.env.MLOPS_IAC_LINT_CODE_CACHE;
var makeTo = process.env.MLOPS_IAC_LINT_CODE_CACHE_OUT;
function readCache(file) {
  let bytes;
  try {
    const fd = import_node_fs.default.openSync(file, "r");
    try {
      const size = import_node_fs.default.fstatSync(fd).size;
      if (size > MAX_CACHE_BYTES) return { reason: `larger than ${MAX_CACHE_BYTES} bytes` };
      bytes = import_node_fs.default.readFileSync(fd);
    } finally {
      import_node_fs.default.closeSync(fd);
    }
  } catch (e) {
    return { reason: `unreadable (${e.code ?? "error"})` };
  }
  return decodeCodeCache(bytes, currentKey("294a25c73a86d3aa8767073f88524a24fa051239fc3580401a39c1c8a560db0c"));
}
function readBundle(file) {
  let bytes;
  try {
    bytes = import_node_fs.default.readFileSync(file);
  } catch (e) {
    return { reason: `${BUNDLE} is unreadable (${e.code ?? "error"})` };
  }
  if (digest(bytes) !== "294a25c73a86d3aa8767073f88524a24fa051239fc3580401a39c1c8a560db0c") return { reason: `${BUNDLE} is not the build's` };
  return { source: bytes.toString("latin1") };
}
function runBundle(file, source, cachedData) {
  const script = new import_node_vm.default.Script(source, { filename: file, ...cachedData ? { cachedData } : {} });
  if (makeTo) {
    process.once("beforeExit", () => {
      const tmp = `${makeTo}.${process.pid}.tmp`;
      import_node_fs.default.writeFileSync(tmp, encodeCodeCache(currentKey("294a25c73a86d3aa8767073f88524a24fa051239fc3580401a39c1c8a560db0c"), script.createCachedData()));
      import_node_fs.default.renameSync(tmp, makeTo);
    });
  }
  const wrapper = script.runInThisContext();
  const module2 = { exports: {} };
  wrapper.call(module2.exports, module2.exports, (0, import_node_module.createRequire)(file), module2, file, import_node_path.default.dirname(file), (0, import_node_url.pathToFileURL)(file).href);
  return cachedData ? !script.cachedDataRejected : void 0;
}
function enableNodeCompileCache() {
  const enable = import_node_module.default.enableCompileCache;
  if (typeof enable !== "function") return "";
  try {
    const r = enable();
    const names = import_node_module.default.constants?.compileCacheStatus ?? {};
    const status = Object.keys(names).find((k) => names[k] === r.status) ?? String(r.status);
    return `; Node's compile cache: ${status.toLowerCase()}${r.message ? ` (${r.message})` : ""}`;
  } catch (e) {
    return `; Node's compile cache: failed (${e.message})`;
  }
}
function report(line) {
  if (mode === "report") process.stderr.write(`mlops-iac-lint: ${line}
`);
}
var bundle = import_node_path.default.join(here, BUNDLE);
if (makeTo) {
  const read = readBundle(bundle);
  if (!("source" in read)) throw new Error(`no code cache made: ${read.reason}`);
  runBundle(bundle, read.source, void 0);
} else {
  const cache = mode === "off" ? { reason: "MLOPS_IAC_LINT_CODE_CACHE=off" } : readCache(import_node_path.default.join(here, CACHE));
  const read = "data" in cache ? readBundle(bundle) : cache;
  if ("data" in cache && "source" in read) {
    const taken = runBundle(bundle, read.source, cache.data);
    report(taken ? "code cache: used" : "code cache: rejected by V8, the bundle was compiled from source");
  } else {
    const nodeCache = mode === "off" ? "" : enableNodeCompileCache();
    report(`code cache: not used (${"reason" in read ? read.reason : ""}): ES-module build${nodeCache}`);
    const main = ESM_MAIN;
    void import(main);
  }
}
