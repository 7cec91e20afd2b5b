/**
 * The five plan files and `npm run report` on the generated demo data: every target evaluated with
 * a status, no_data only for the targets the plan marks as needing data the contract lacks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadPlanFile, runReport, type ReportRow } from '../../src/pipeline/cli/report';
import { STATUSES } from '../../src/targets/types';

const PLANS = { 'daxiang-2023': 'daxiang', 'jiyuan-2024': 'jiyuan', 'beizhang-2022': 'beizhang', 'jiangxi-2023': 'jiangxi', 'ningxia-2024': 'ningxia' } as const;

describe('plan files', () => {
  test('there is one per seed, each valid and citing its seed file', () => {
    expect(readdirSync('data/plans').sort()).toEqual(Object.keys(PLANS).map((id) => `${id}.json`).sort());
    for (const id of Object.keys(PLANS)) {
      const plan = loadPlanFile(id);
      expect(plan.id).toBe(id);
      for (const t of plan.targets) expect(t.source.startsWith(plan.source)).toBe(true);
    }
  });
});

for (const [planId, region] of Object.entries(PLANS)) {
  const dir = `public/data/${region}`;
  describe.skipIf(!existsSync(`${dir}/manifest.json`))(`report on the ${region} demo`, () => {
    let rows: ReportRow[];
    test('every target of the plan gets a status', async () => {
      const plan = loadPlanFile(planId);
      rows = await runReport({ data: dir, plan });
      const rootRows = rows.filter((r) => r.regionCode === plan.region);
      const unitTargets = plan.targets.filter((t) => t.appliesTo?.codes || t.appliesTo?.tag).map((t) => t.id);
      for (const t of plan.targets) {
        if (unitTargets.includes(t.id)) expect(rows.some((r) => r.targetId === t.id), t.id).toBe(true);
        else expect(rootRows.filter((r) => r.targetId === t.id), t.id).toHaveLength(1);
      }
      for (const r of rows) {
        expect(STATUSES).toContain(r.status);
        const target = plan.targets.find((t) => t.id === r.targetId)!;
        if (r.status === 'no_data') expect(target.noData, `${r.targetId} at ${r.regionName} has no data: ${r.note}`).toBeDefined();
        else expect(Number.isFinite(r.actual) && Number.isFinite(r.target) && Number.isFinite(r.gap)).toBe(true);
      }
    }, 120_000);
  });
}

describe.skipIf(!existsSync('public/data/ningxia/manifest.json'))('npm run report (the command line)', () => {
  test('--format json prints the contract fields for 西吉县 in 2024', () => {
    const out = execFileSync('npx', ['tsx', 'src/pipeline/cli/report.ts', '--data', 'public/data/ningxia', '--plan', 'ningxia-2024',
      '--year', '2024', '--region', '640422000000', '--format', 'json'], { encoding: 'utf8' });
    const rows = JSON.parse(out) as ReportRow[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['planId', 'targetId', 'regionCode', 'regionName', 'year', 'actual', 'target', 'gap', 'status', 'projected']));
      expect(r).toMatchObject({ planId: 'ningxia-2024', regionCode: '640422000000', regionName: '西吉县', year: 2024, projected: false });
    }
    expect(rows.map((r) => r.targetId)).toContain('growth-above-regional');
  }, 120_000);

  test('bad arguments exit 1 with a clear message', () => {
    expect(() => execFileSync('npx', ['tsx', 'src/pipeline/cli/report.ts', '--data', 'nowhere', '--plan', 'ningxia-2024'], { encoding: 'utf8', stdio: 'pipe' }))
      .toThrow(/nowhere.*manifest\.json not found/s);
  }, 60_000);
});
