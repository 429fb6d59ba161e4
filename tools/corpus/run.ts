/**
 * `npm run corpus`: lint the real-code corpus (tools/corpus/packages.ts) with every rule, check every fix, and
 * print the findings per rule and per package so a person can read through them.
 *
 *   npm run corpus                         all packages, findings listed
 *   npm run corpus -- --package three      one package (repeat or comma-separate for more)
 *   npm run corpus -- --summary            counts only
 *   npm run corpus -- --json out.json      also write every result as JSON
 *   npm run corpus -- --no-fix-check       skip the fix checks (faster)
 *
 * Exit status 1 when a rule crashed or a fix does not parse; unstable fixes (a second `--fix` run still changes
 * the file) are listed and counted but do not fail the run.
 */
import { writeFileSync } from 'node:fs';
import { Linter } from 'eslint';
import { type ResolvedPackage, resolvePackage, selectPackages } from './files.js';
import { type FileResult, lintFile, RULE_NAMES } from './lint.js';

interface Args {
  packages: string[];
  summary: boolean;
  json?: string;
  checkFixes: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { packages: [], summary: false, checkFixes: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--package' || a === '-p') args.packages.push(...argv[++i]!.split(','));
    else if (a === '--summary') args.summary = true;
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--no-fix-check') args.checkFixes = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run corpus -- [--package NAME[,NAME]] [--summary] [--json FILE] [--no-fix-check]');
      process.exit(0);
    } else throw new Error(`corpus: unknown argument ${a}`);
  }
  return args;
}

const fmtInt = (n: number) => n.toLocaleString('en-US');
const loc = (r: FileResult, line: number) => `${r.file.pkg.name}/${r.file.rel}:${line}`;

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const linter = new Linter({ configType: 'flat' });
  const packages: ResolvedPackage[] = selectPackages(args.packages).map(resolvePackage);
  const results: FileResult[] = [];
  const perPackage: { rp: ResolvedPackage; results: FileResult[]; ms: number }[] = [];

  for (const rp of packages) {
    const t0 = performance.now();
    const rs = rp.files.map((f) => lintFile(f, { linter, checkFixes: args.checkFixes }));
    results.push(...rs);
    perPackage.push({ rp, results: rs, ms: performance.now() - t0 });
    const findings = rs.reduce((n, r) => n + r.findings.length, 0);
    const lines = rs.reduce((n, r) => n + r.lines, 0);
    process.stderr.write(
      `  ${rp.pkg.name}@${rp.version}: ${rs.length} files, ${fmtInt(lines)} lines, ${findings} findings, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }

  const listed = results.filter((r) => !r.file.pkg.crashOnly);
  const crashes = results.filter((r) => r.crash);
  const badFixes = results.flatMap((r) => r.badFixes.map((b) => ({ r, b })));
  const unstable = results.filter((r) => r.unstable);
  const parseErrors = results.filter((r) => r.parseError);

  // Findings per rule, grouped by package.
  if (!args.summary) {
    for (const rule of RULE_NAMES) {
      const hits = listed.flatMap((r) => r.findings.filter((f) => f.rule === rule).map((f) => ({ r, f })));
      console.log(`\n## ${rule}: ${hits.length} finding${hits.length === 1 ? '' : 's'}`);
      let pkgName = '';
      for (const { r, f } of hits) {
        if (r.file.pkg.name !== pkgName) {
          pkgName = r.file.pkg.name;
          console.log(`\n### ${pkgName}`);
        }
        console.log(`${loc(r, f.line)}:${f.column}  ${f.message}`);
        console.log(`    ${f.code}`);
        if (f.fix !== undefined) console.log(`    fix → ${oneLine(f.fix)}`);
        for (const s of f.suggestions) console.log(`    suggestion → ${oneLine(s)}`);
      }
    }
  }

  // Per package table.
  console.log('\n## Packages\n');
  console.log(['package', 'version', 'files', 'lines', 'findings', 'crashes', 'bad fixes', 'seconds'].join('\t'));
  for (const { rp, results: rs, ms } of perPackage) {
    console.log(
      [
        rp.pkg.name + (rp.pkg.crashOnly ? ' (crash check only)' : '') + (rp.pkg.partOf ? ` (part of ${rp.pkg.partOf})` : ''),
        rp.version,
        rs.length,
        rs.reduce((n, r) => n + r.lines, 0),
        rs.reduce((n, r) => n + r.findings.length, 0),
        rs.filter((r) => r.crash).length,
        rs.reduce((n, r) => n + r.badFixes.length, 0),
        (ms / 1000).toFixed(1),
      ].join('\t'),
    );
    for (const big of rp.tooLarge) console.log(`\tskipped (too large): ${big.rel} (${fmtInt(big.bytes)} bytes)`);
  }

  console.log('\n## Findings per rule\n');
  for (const rule of RULE_NAMES) {
    const n = listed.reduce((k, r) => k + r.findings.filter((f) => f.rule === rule).length, 0);
    const noise = results.filter((r) => r.file.pkg.crashOnly).reduce((k, r) => k + r.findings.filter((f) => f.rule === rule).length, 0);
    console.log(`${rule}\t${n}${noise ? `\t(+${noise} in crash-check-only code)` : ''}`);
  }

  if (crashes.length > 0) {
    console.log('\n## Crashes\n');
    for (const r of crashes) console.log(`${loc(r, 0)} [${r.crash!.rule ?? '?'}, ${r.crash!.phase}] ${r.crash!.message}\n${r.crash!.stack}`);
  }
  if (badFixes.length > 0) {
    console.log('\n## Fixes that do not parse\n');
    for (const { r, b } of badFixes) console.log(`${loc(r, b.line)} [${b.rule}, ${b.kind}] ${b.error}\n    ${b.output.replace(/\n/g, '\n    ')}`);
  }
  if (unstable.length > 0) {
    console.log('\n## Unstable fixes (a second --fix run still changes the file)\n');
    for (const r of unstable) console.log(`${loc(r, 0)} still fixable after 10 passes: ${r.unstable!.rules.join(', ')}`);
  }
  if (parseErrors.length > 0) {
    console.log('\n## Corpus files that do not parse (skipped)\n');
    for (const r of parseErrors) console.log(`${loc(r, 0)} ${r.parseError}`);
  }

  const lines = results.reduce((n, r) => n + r.lines, 0);
  const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
  console.log('\n## Summary\n');
  console.log(`packages ${packages.length}, files ${fmtInt(results.length)}, lines ${fmtInt(lines)}`);
  console.log(`findings ${listed.reduce((n, r) => n + r.findings.length, 0)} (+${results.filter((r) => r.file.pkg.crashOnly).reduce((n, r) => n + r.findings.length, 0)} in crash-check-only code)`);
  console.log(`crashes ${crashes.length}, unparsable fixes ${badFixes.length}, unstable fixes ${unstable.length}, unparsable corpus files ${parseErrors.length}`);
  if (slowest) console.log(`slowest file ${slowest.file.pkg.name}/${slowest.file.rel} ${(slowest.ms / 1000).toFixed(1)} s (lint)`);

  if (args.json) {
    const out = results.map((r) => ({ ...r, file: { pkg: r.file.pkg.name, rel: r.file.rel, bytes: r.file.bytes } }));
    writeFileSync(args.json, JSON.stringify({ packages: packages.map((p) => ({ name: p.pkg.name, version: p.version })), results: out }, null, 1));
  }
  return crashes.length > 0 || badFixes.length > 0 ? 1 : 0;
}

function oneLine(text: string): string {
  const t = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return t.length > 240 ? `${t.slice(0, 240)}…` : t;
}

process.exitCode = main();
