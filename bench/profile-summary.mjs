#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the wall time of the sampled thread went.
//
//   node bench/profile-summary.mjs <file.cpuprofile | dir> [--all] [--top 25] [--json]
//
// Prints: total sampled time, split into (idle) / (garbage collector) / (program) / JavaScript;
// the top functions by self time (name, file:line, ms, %); self time by file/package; and the
// inclusive ("total") time of the top frames, so a costly subtree (e.g. a module load) shows even
// when its self time is spread over many small functions. A directory: the newest .cpuprofile in it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A short, stable place name: "dist/chunk-X.js", "pdfjs-dist/legacy/build/pdf.mjs", "node:internal/…". */
export function place(url) {
  if (!url) return '';
  let p = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) return p.slice(nm + '/node_modules/'.length);
  // bench/run.mjs measures a copy of the build in bench/.inputs/build/: show it as dist/… and bin/….
  if (p.startsWith(ROOT + '/')) return p.slice(ROOT.length + 1).replace(/^bench\/\.inputs\/build\//, '');
  return p;
}

// Source maps: dist/*.js frames are shown as their source (src/…, rules/…, node_modules/…) via the
// bundle's linked .map files, so "chunk-DFZL2ZMW.js:68" reads "rules/boilerplate.ts:41".
const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
const maps = new Map();
function loadMap(file) {
  if (maps.has(file)) return maps.get(file);
  let map;
  try {
    const raw = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'));
    // Per generated line: sorted [column, sourceIndex, sourceLine].
    const lines = [];
    let src = 0, srcLine = 0, srcCol = 0;
    for (const lineText of raw.mappings.split(';')) {
      const segs = [];
      let col = 0;
      if (lineText) {
        for (const seg of lineText.split(',')) {
          const vals = [];
          let shift = 0, value = 0;
          for (const ch of seg) {
            const d = B64[ch];
            value += (d & 31) << shift;
            if (d & 32) shift += 5;
            else {
              vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
              shift = 0;
              value = 0;
            }
          }
          col += vals[0];
          if (vals.length >= 4) {
            src += vals[1];
            srcLine += vals[2];
            srcCol += vals[3];
            segs.push([col, src, srcLine]);
          }
        }
      }
      lines.push(segs);
    }
    const dir = path.dirname(file);
    const sources = raw.sources.map((s) => {
      let abs = path.resolve(dir, raw.sourceRoot ?? '', s);
      // bench/run.mjs profiles a copy of dist/ (bench/.inputs/build/dist): its maps point at ../src too.
      if (!fs.existsSync(abs)) abs = path.resolve(ROOT, 'dist', raw.sourceRoot ?? '', s);
      // A dependency's own source map can give paths that resolve to nowhere (saxes: "../src/saxes.ts").
      if (!fs.existsSync(abs)) return `dependency:${path.basename(abs)}`;
      const nm = abs.lastIndexOf('/node_modules/');
      if (nm >= 0) return abs.slice(nm + '/node_modules/'.length);
      return abs.startsWith(ROOT + '/') ? abs.slice(ROOT.length + 1) : abs;
    });
    map = { lines, sources };
  } catch {
    map = undefined;
  }
  maps.set(file, map);
  return map;
}
/** "src/x.ts:12" for a 0-based line/column in a bundled file, or undefined. */
export function original(url, line, column) {
  if (!url || !url.startsWith('file://') || !url.endsWith('.js')) return undefined;
  const map = loadMap(fileURLToPath(url));
  const segs = map?.lines[line];
  if (!segs?.length) return undefined;
  let best = segs[0];
  for (const s of segs) {
    if (s[0] > column) break;
    best = s;
  }
  return `${map.sources[best[1]]}:${best[2] + 1}`;
}

/** The package (or source folder / node internal area) a place belongs to. */
export function owner(pl) {
  if (!pl) return '(native/VM)';
  if (pl.startsWith('dependency:')) return pl.replace(/:\d+$/, '');
  if (pl.startsWith('node:internal/modules/')) return 'node: module loading (resolve, compile, link)';
  if (pl.startsWith('node:') || !pl.includes('/') && !pl.includes('.')) return 'node: other internals';
  if (/^(src|rules)\//.test(pl)) return pl.replace(/:\d+$/, '');
  const m = /^(@[^/]+\/[^/]+|[^/]+)\//.exec(pl);
  if (pl.startsWith('dist/')) return pl.replace(/:\d+$/, '');
  return m ? m[1] : pl;
}

/**
 * The logical area a frame belongs to, or null for frames that are charged to their caller instead
 * (V8 builtins such as RegExp exec, Node internals such as fs, the shared text helpers under src/text).
 */
export function areaOf(where, functionName) {
  if (['(garbage collector)', '(program)', '(idle)'].includes(functionName)) return functionName;
  if (!where) return null;
  if (where.startsWith('node:internal/modules/') || functionName === 'compileSourceTextModule') return 'node: module loading (resolve/compile/link)';
  if (where.startsWith('node:')) return null;
  if (where.startsWith('pdfjs-dist/')) return 'pdf.js';
  if (where.startsWith('dependency:saxes') || where.startsWith('saxes/')) return 'saxes (XML parser)';
  if (where.startsWith('dependency:')) return where.replace(/:\d+$/, '');
  let m = /^rules\/([\w-]+)\.ts/.exec(where);
  if (m) return `rule ${m[1]}`;
  if (where.startsWith('src/text/')) return null;
  if (where.startsWith('src/readers/docx/')) return 'reader: docx (src/readers/docx)';
  if (/^src\/readers\/pdf/.test(where)) return 'reader: pdf (src/readers/pdf*)';
  m = /^src\/(readers|layout|document|formatters|engine|config|files|classify|annotate)\//.exec(where);
  if (m) return `src/${m[1]}`;
  if (where.startsWith('src/')) return where.replace(/:\d+$/, '');
  m = /^(@[^/]+\/[^/]+|[^/]+)\//.exec(where);
  if (m && !where.startsWith('dist/') && !where.startsWith('bin/') && !where.startsWith('bench/')) return m[1];
  return where.replace(/:\d+$/, '');
}

/**
 * Summarises one profile, or several (e.g. 10 runs of the same command: their times are averaged, which
 * steadies the small numbers of a short run).
 */
export function summarise(profileOrList, { top = 25, divideBy } = {}) {
  const list = Array.isArray(profileOrList) ? profileOrList : [profileOrList];
  const selfByKey = new Map(), byOwner = new Map(), special = new Map(), inclusive = new Map(), byArea = new Map();
  let total = 0, wall = 0;
  const where = (cf) => {
    const orig = original(cf.url, cf.lineNumber, cf.columnNumber);
    if (orig) return orig;
    const pl = place(cf.url);
    return `${pl}${pl ? `:${cf.lineNumber + 1}` : ''}`;
  };
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (const profile of list) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const whereOf = new Map(profile.nodes.map((n) => [n.id, where(n.callFrame)]));
    const keyOf = new Map(profile.nodes.map((n) => [n.id, `${n.callFrame.functionName || '(anonymous)'}\t${whereOf.get(n.id)}`]));
    const areaOfNode = (id) => {
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const a = areaOf(whereOf.get(cur), nodes.get(cur).callFrame.functionName);
        if (a) return a;
      }
      const leaf = whereOf.get(id);
      return leaf.startsWith('node:') ? 'node: other internals' : '(native/VM)';
    };
    const selfUs = new Map();
    const { samples, timeDeltas } = profile;
    // timeDeltas[i + 1] is the time from sample i to the next: that is how long sample i's frame ran.
    for (let i = 0; i < samples.length; i++) add(selfUs, samples[i], Math.max(0, timeDeltas[i + 1] ?? 0));
    wall += (profile.endTime - profile.startTime) / 1000;
    for (const [id, us] of selfUs) {
      total += us;
      const n = nodes.get(id);
      const name = n.callFrame.functionName;
      if (name !== '(root)') add(byArea, areaOfNode(id), us);
      if (['(idle)', '(garbage collector)', '(program)', '(root)'].includes(name)) {
        add(special, name, us);
        continue;
      }
      add(selfByKey, keyOf.get(id), us);
      add(byOwner, owner(where(n.callFrame)), us);
      // Inclusive: the sample counts once for every distinct function on its stack.
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const k = keyOf.get(cur);
        if (nodes.get(cur).callFrame.functionName === '(root)') break;
        if (seen.has(k)) continue;
        seen.add(k);
        add(inclusive, k, us);
      }
    }
  }
  // Times are per run (the mean) unless divideBy says otherwise (1: the sum, e.g. over worker threads).
  const runs = divideBy ?? list.length;
  const ms = (us) => Math.round(us / runs / 100) / 10;
  const pct = (us) => Math.round((us / total) * 1000) / 10;
  const rows = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => {
    const [fn, at] = k.split('\t');
    return { function: fn, where: at ?? '', ms: ms(us), pct: pct(us) };
  });
  return {
    runs,
    threads: runs === list.length ? 1 : list.length,
    wallMs: Math.round(wall / runs),
    sampledMs: ms(total),
    idleMs: ms(special.get('(idle)') ?? 0),
    gcMs: ms(special.get('(garbage collector)') ?? 0),
    programMs: ms(special.get('(program)') ?? 0),
    selfTop: rows(selfByKey, top),
    byOwner: [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([o, us]) => ({ owner: o, ms: ms(us), pct: pct(us) })),
    inclusiveTop: rows(inclusive, top),
    byArea: [...byArea].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, ms: ms(us), pct: pct(us) })),
  };
}

export function format(s, title = '') {
  const out = [];
  const pad = (v, w) => String(v).padStart(w);
  out.push(`${title}profile${s.runs > 1 ? ` (mean of ${s.runs} runs)` : ''}${s.threads > 1 ? ` (${s.threads} threads, summed)` : ''}: ${s.wallMs} ms wall, ${s.sampledMs} ms sampled — idle ${s.idleMs} ms, GC ${s.gcMs} ms, (program) ${s.programMs} ms`);
  if (s.byArea) {
    out.push('  by area (a builtin, Node internal or src/text helper is charged to the area that called it):');
    for (const r of s.byArea.slice(0, 18)) out.push(`  ${pad(r.ms, 8)} ms ${pad(r.pct, 5)}%  ${r.area}`);
  }
  out.push('  top self time:');
  for (const r of s.selfTop) out.push(`  ${pad(r.ms, 8)} ms ${pad(r.pct, 5)}%  ${r.function}  ${r.where}`);
  out.push('  self time by package / file:');
  for (const r of s.byOwner) out.push(`  ${pad(r.ms, 8)} ms ${pad(r.pct, 5)}%  ${r.owner}`);
  out.push('  top inclusive time:');
  for (const r of s.inclusiveTop) out.push(`  ${pad(r.ms, 8)} ms ${pad(r.pct, 5)}%  ${r.function}  ${r.where}`);
  return out.join('\n');
}

function newest(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  if (!files.length) throw new Error(`no .cpuprofile in ${dir}`);
  return files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const target = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top');
  if (!target) {
    console.error('usage: node bench/profile-summary.mjs <file.cpuprofile | dir> [--top N] [--json]');
    process.exit(2);
  }
  const isDir = fs.statSync(target).isDirectory();
  const files = !isDir ? [target] : args.includes('--all')
    ? fs.readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(target, f))
    : [newest(target)];
  const s = summarise(files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))), { top });
  console.log(args.includes('--json') ? JSON.stringify(s, null, 2) : format(s, `${files.length > 1 ? target : path.basename(files[0])}: `));
}
