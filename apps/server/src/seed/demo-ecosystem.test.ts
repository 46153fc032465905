import { REGISTRY_DATA_SCHEMAS, type RegistryKey } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { generateDemoEcosystem } from './demo-ecosystem.js';
import { seededRandom } from './prng.js';

const ctx = () => ({
  random: seededRandom(7),
  now: new Date('2026-11-26T00:00:00Z'),
  city: { id: 'city' },
  districts: [
    { id: 'd1', name: '黄埔区' },
    { id: 'd2', name: '番禺区' },
  ],
  enterprises: Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, districtId: i % 2 ? 'd1' : 'd2', name: `企业${i}` })),
  factories: Array.from({ length: 40 }, (_, i) => ({
    id: `f${i}`,
    enterpriseId: `e${i}`,
    districtId: 'd1',
    name: `工厂${i}`,
    live: i % 14,
  })),
  projects: Array.from({ length: 60 }, (_, i) => ({
    id: `p${i}`,
    enterpriseId: `e${i % 50}`,
    districtId: 'd1',
    title: `项目${i}`,
    state: i % 2 ? 'built' : 'accepted',
  })),
  experts: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'],
});

// Issue #3 item 9: standards, patents, events, trainings and selection rounds in several stages.
describe('demo ecosystem', () => {
  const { records, selections } = generateDemoEcosystem(ctx());

  it('passes every registry’s own schema', () => {
    for (const r of records) {
      const parsed = REGISTRY_DATA_SCHEMAS[r.registry as RegistryKey].safeParse(r.data);
      expect(parsed.success, `${r.registry}: ${parsed.error?.message}`).toBe(true);
    }
    const keys = records.filter((r) => r.uniqueKey).map((r) => `${r.registry}:${r.uniqueKey}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers every registry the targets count', () => {
    const registries = new Set(records.map((r) => r.registry));
    for (const key of [
      'standards',
      'patents',
      'pilot-projects',
      'carriers',
      'platforms',
      'events',
      'trainings',
      'research',
      'products',
      'test-platforms',
      'test-records',
    ]) {
      expect(registries.has(key), key).toBe(true);
    }
    const talents = records.filter((r) => r.registry === 'trainings').reduce((s, r) => s + (r.quantity ?? 0), 0);
    expect(talents).toBeGreaterThan(150);
  });

  it('has rounds published, in review and open, selected within quota', () => {
    expect(selections.rounds.map((r) => r.stage)).toEqual(['published', 'published', 'expert_review', 'open']);
    for (const round of selections.rounds) {
      const selected = selections.applications.filter((a) => a.roundId === round.id && a.selected).length;
      expect(selected).toBeLessThanOrEqual(round.quota);
    }
    const review = selections.rounds[2];
    expect(selections.assignments.some((a) => selections.applications.find((x) => x.id === a.applicationId)?.roundId === review?.id)).toBe(
      true,
    );
    expect(selections.cases.length).toBeGreaterThan(0);
  });
});
