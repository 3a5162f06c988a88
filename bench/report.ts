/**
 * The results: a table on stdout, bench/results/latest.json, bench/results/latest.svg (a chart of
 * each target's budget used). Run on its own (`npx tsx bench/report.ts`) it rewrites the results
 * section of BENCHMARKS.md from bench/results/latest.json.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './config';

export interface Target {
  /** What the target is on: the ratio API ÷ baseline, or the API's own figure. */
  on: 'ratio' | 'api';
  op: '>=' | '<=' | '<';
  value: number;
}

export interface Metric {
  name: string;
  unit: string;
  api: number;
  baseline: number | null;
  /** API ÷ baseline. */
  ratio: number | null;
  target: (Target & { text: string }) | null;
  met: boolean | null;
}

export interface Results {
  date: string;
  durationSeconds: number;
  machine: Record<string, string | number>;
  dataSet: Record<string, number | string>;
  metrics: Metric[];
  details: unknown;
}

const resultsDir = join(root, 'bench/results');
const OPS = { '>=': '≥', '<=': '≤', '<': '<' } as const;

export function metric(
  name: string,
  unit: string,
  api: number,
  baseline: number | null,
  target: Target | null = null,
): Metric {
  const ratio = baseline === null || baseline === 0 ? null : api / baseline;
  let met: boolean | null = null;
  let text = '';
  if (target) {
    const value = target.on === 'ratio' ? ratio : api;
    met =
      value === null || Number.isNaN(value)
        ? false
        : target.op === '>='
          ? value >= target.value
          : target.op === '<='
            ? value <= target.value
            : value < target.value;
    text =
      target.on === 'ratio' ? `ratio ${OPS[target.op]} ${target.value}` : `${OPS[target.op]} ${target.value} ${unit}`;
  }
  return { name, unit, api, baseline, ratio, target: target ? { ...target, text } : null, met };
}

function format(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '–';
  if (unit === 'statements' || unit === 'req/s') return Math.round(value).toLocaleString('en-US');
  const digits = Math.abs(value) < 1 ? 3 : Math.abs(value) < 10 ? 2 : 1;
  return value.toFixed(digits);
}

const ratioText = (m: Metric) => (m.ratio === null ? '–' : `${m.ratio.toFixed(m.ratio < 10 ? 2 : 1)}×`);
const metText = (m: Metric) => (m.met === null ? '' : m.met ? 'yes' : 'NO');

export function textTable(metrics: Metric[]): string {
  const rows = [
    ['metric', 'unit', 'API', 'baseline', 'ratio', 'target', 'met'],
    ...metrics.map((m) => [
      m.name,
      m.unit,
      format(m.api, m.unit),
      format(m.baseline, m.unit),
      ratioText(m),
      m.target?.text ?? '',
      metText(m),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(metrics: Metric[]): string {
  const rows = metrics.map(
    (m) =>
      `| ${m.name} | ${m.unit} | ${format(m.api, m.unit)} | ${format(m.baseline, m.unit)} | ${ratioText(m)} | ${m.target?.text ?? ''} | ${metText(m)} |`,
  );
  return [
    '| Metric | Unit | API | Baseline | Ratio | Target | Met |',
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
    ...rows,
  ].join('\n');
}

/**
 * Share of each target's budget used, on a log scale: for a "≤" target, figure ÷ limit; for a "≥"
 * target, limit ÷ figure. Left of the line (≤ 1) meets the target.
 */
export function chart(results: Results): string {
  const rows = results.metrics.filter((m) => m.target);
  const rowHeight = 26;
  const left = 420;
  const width = 1180;
  const plot = width - left - 330;
  const top = 56;
  const height = top + rows.length * rowHeight + 40;
  const [lo, hi] = [0.1, 100];
  const x = (v: number) =>
    left + (plot * (Math.log10(Math.min(hi, Math.max(lo, v))) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="12" y="22" font-size="15" font-weight="bold">${esc(`npm run bench, ${results.date.slice(0, 16).replace('T', ' ')} UTC: share of each target used`)}</text>`,
    `<text x="12" y="40" fill="#555">${esc('log scale; 1 = the target; left of the line meets it. "≥" targets are drawn as target ÷ figure.')}</text>`,
  ];
  for (const tick of [0.1, 0.3, 1, 3, 10, 30, 100]) {
    parts.push(
      `<line x1="${x(tick)}" x2="${x(tick)}" y1="${top - 4}" y2="${height - 30}" stroke="${tick === 1 ? '#222' : '#ddd'}" stroke-width="${tick === 1 ? 2 : 1}"/>`,
    );
    parts.push(`<text x="${x(tick)}" y="${height - 14}" text-anchor="middle" fill="#555">${tick}</text>`);
  }
  rows.forEach((m, i) => {
    const t = m.target!;
    const figure = t.on === 'ratio' ? (m.ratio ?? NaN) : m.api;
    const used = t.op === '>=' ? t.value / figure : figure / t.value;
    const y = top + i * rowHeight;
    const colour = m.met ? '#3a8d3f' : '#c0392b';
    parts.push(`<text x="${left - 8}" y="${y + 16}" text-anchor="end">${esc(m.name)}</text>`);
    parts.push(
      `<rect x="${x(lo)}" y="${y + 5}" width="${Math.max(1, x(used) - x(lo))}" height="${rowHeight - 10}" fill="${colour}" opacity="0.8"/>`,
    );
    const label = `${t.on === 'ratio' ? ratioText(m) : `${format(m.api, m.unit)} ${m.unit}`} (target ${t.text})`;
    parts.push(`<text x="${x(hi) + 6}" y="${y + 16}" fill="${colour}">${esc(label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function writeResults(results: Results): { json: string; svg: string } {
  mkdirSync(resultsDir, { recursive: true });
  const json = join(resultsDir, 'latest.json');
  const svg = join(resultsDir, 'latest.svg');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(svg, `${chart(results)}\n`);
  return { json, svg };
}

/** Rewrites the part of BENCHMARKS.md between the results markers from latest.json. */
export function updateBenchmarksMd(): void {
  const results = JSON.parse(readFileSync(join(resultsDir, 'latest.json'), 'utf8')) as Results;
  const file = join(root, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`BENCHMARKS.md has no ${start} … ${end} section`);
  const section = [
    start,
    `Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.durationSeconds.toFixed(0)} s in all` +
      ` (data set: ${Object.entries(results.dataSet)
        .map(([k, v]) => `${typeof v === 'number' ? v.toLocaleString('en-US') : v} ${k}`)
        .join(', ')}).`,
    '',
    markdownTable(results.metrics),
    '',
    '![Share of each target used, latest run](bench/results/latest.svg)',
    end,
  ].join('\n');
  writeFileSync(file, text.slice(0, from) + section + text.slice(to + end.length));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  updateBenchmarksMd();
  console.log('BENCHMARKS.md: results section rewritten from bench/results/latest.json');
}
