// The published manifest has no `prepare` script (issue 12, packaging).
//
// Why `prepare` is in package.json at all: on a fresh clone, `npm install` runs it, which
// builds dist/cli.js and dist/api.js (they are not committed), so the README's
// `npm install && npx mlops-iac-lint examples/mlops-platform` works; installing from git
// (`npm install github:…`, pre-commit's node hooks) relies on it too.
// Why it must not be in the tarball: npm 11 warns about a `prepare` in a package installed
// from a tarball, a folder or git ("install scripts not yet covered by allowScripts").
// Building in `postinstall` instead would be worse: every registry install would run it, and
// get the same warning.
//
// So `prepack` (after the build) runs `strip`: package.json loses scripts.prepare, and npm
// packs that file. `postpack` runs `restore`, which puts it back exactly where it was. For
// `npm publish` from the folder, npm reads package.json once more *after* postpack to send
// it to the registry, so there the restore is left to `postpublish`. If a publish fails in
// between, `node scripts/pack-manifest.mjs restore` by hand repairs package.json (the
// pack test checks the committed file has its `prepare`). Publishing a packed tarball
// (`npm pack && npm publish mlops-iac-lint-<version>.tgz`) reads the manifest from the
// tarball and avoids the question altogether.
import fs from 'node:fs';

/** The one `prepare` script; `restore` re-inserts it after `build`. */
export const PREPARE = 'node scripts/build.mjs';
const FILE = 'package.json';

function read() {
  const text = fs.readFileSync(FILE, 'utf8');
  const pkg = JSON.parse(text);
  // Rewriting must give back the same bytes: refuse a package.json npm would not write.
  if (JSON.stringify(pkg, null, 2) + '\n' !== text) throw new Error(`${FILE} is not in npm's own format (2-space JSON and a final newline); not rewriting it`);
  return pkg;
}

function write(pkg) {
  fs.writeFileSync(FILE, JSON.stringify(pkg, null, 2) + '\n');
}

export function strip() {
  const pkg = read();
  if (pkg.scripts?.prepare === undefined) return;
  if (pkg.scripts.prepare !== PREPARE) throw new Error(`scripts.prepare is "${pkg.scripts.prepare}", expected "${PREPARE}": update scripts/pack-manifest.mjs`);
  delete pkg.scripts.prepare;
  write(pkg);
}

export function restore() {
  const pkg = read();
  if (pkg.scripts?.prepare !== undefined) return;
  const scripts = {};
  for (const [k, v] of Object.entries(pkg.scripts ?? {})) {
    scripts[k] = v;
    if (k === 'build') scripts.prepare = PREPARE;
  }
  if (scripts.prepare === undefined) scripts.prepare = PREPARE;
  pkg.scripts = scripts;
  write(pkg);
}

const command = process.argv[2];
if (command === 'strip') strip();
else if (command === 'restore') restore();
else if (command === 'postpack') {
  // `npm publish` re-reads package.json after postpack: keep it stripped until postpublish.
  if (process.env.npm_command !== 'publish') restore();
} else if (command !== undefined) {
  process.stderr.write(`usage: node scripts/pack-manifest.mjs strip|restore|postpack\n`);
  process.exit(2);
}
