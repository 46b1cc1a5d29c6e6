// Preloaded with `node -r ./bench/rusage.cjs …` into every measured process (the floors too): at exit
// the main thread appends its whole-process resource usage (all threads) to the file named by
// WENFENG_BENCH_RUSAGE — CPU µs, peak RSS KB and minor page faults, which the runner cannot get from spawnSync.
// CommonJS on purpose: a --require'd file costs well under a millisecond, an --import'ed ES module
// brings the ESM loader into even `node -e 0` and so would inflate the start-up floor.
'use strict';
const file = process.env.WENFENG_BENCH_RUSAGE;
if (file && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const r = process.resourceUsage();
    require('node:fs').appendFileSync(file, `${r.userCPUTime} ${r.systemCPUTime} ${r.maxRSS} ${r.minorPageFault}\n`);
  });
}
