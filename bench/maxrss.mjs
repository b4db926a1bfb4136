// Loaded with `node --import bench/maxrss.mjs dist/cli.js …` by the benchmark: prints the
// process's peak resident set (worker threads included) on stderr at exit, so the benchmark
// reads the child's own number instead of sampling /proc from outside.
import fs from 'node:fs';

process.on('exit', () => {
  try {
    fs.writeSync(2, `\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
  } catch {
    // stderr closed: nothing to report to.
  }
});
