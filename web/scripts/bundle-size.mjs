// Prints the JavaScript a person downloads for their first view, per role, gzip-compressed:
// the app's entry (index.html) with its static imports, plus the role's home view chunk with its
// static imports (each file counted once). Target: ≤ 250 kB per role (issue 12).
// Usage: npm run build (at the root), then `node web/scripts/bundle-size.mjs` [--json].
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
const HOME = {
  CASEWORKER: 'src/views/caseload/Caseload.tsx',
  RESOURCE_CONSULTANT: 'src/views/caseload/Caseload.tsx',
  TEAM_LEAD: 'src/views/team/Team.tsx',
  ANALYST: 'src/views/dashboard/Dashboard.tsx',
  JOB_CONSULTANT: 'src/views/my-day/MyDay.tsx',
  CITIZEN: 'src/views/min-plan/MinPlan.tsx',
};
const TARGET_KB = 250;

/** The JS files a manifest entry loads before it runs (itself and its static imports, recursively). */
function staticClosure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, into);
  return into;
}
const gzipKb = (file) => gzipSync(readFileSync(dist + file), { level: 9 }).length / 1024;

const rows = Object.entries(HOME).map(([role, view]) => {
  const files = new Set([...staticClosure('index.html'), ...staticClosure(view)]);
  const kb = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipKb(f), 0);
  return { role, view, files: files.size, gzipKb: Math.round(kb * 10) / 10, withinTarget: kb <= TARGET_KB };
});
const citizenPage = new Set([...staticClosure('index.html'), ...staticClosure('src/views/citizen/Citizen.tsx')]);
const citizenKb = [...citizenPage].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipKb(f), 0);
const extra = { citizenPageGzipKb: Math.round(citizenKb * 10) / 10 };

if (process.argv.includes('--json')) console.log(JSON.stringify({ targetKb: TARGET_KB, rows, ...extra }, null, 2));
else {
  console.log(`JavaScript of the first view per role (gzip -9), target ≤ ${TARGET_KB} kB`);
  for (const r of rows) {
    console.log(`  ${r.role.padEnd(20)} ${String(r.gzipKb).padStart(7)} kB  ${r.withinTarget ? 'ok' : 'OVER'}  (${r.files} files)`);
  }
  console.log(`  citizen page (staff)  ${String(extra.citizenPageGzipKb).padStart(6)} kB`);
}
process.exitCode = rows.every((r) => r.withinTarget) ? 0 : 1;
