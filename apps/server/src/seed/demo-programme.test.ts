import {
  checkCreditCode,
  decideProjectTransition,
  FACTORY_SCENARIO_THRESHOLD,
  type ProjectAction,
  type ProjectState,
} from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { generateDemoProgramme } from './demo-programme.js';
import { seededRandom } from './prng.js';
import { readDivisions } from './reference.js';

function generate(seed: number) {
  const districts = new Map(
    readDivisions()
      .filter((d) => d.code !== '440100')
      .map((d) => [d.code, { id: `id-${d.code}`, name: d.nameZh }]),
  );
  return generateDemoProgramme({
    random: seededRandom(seed),
    now: new Date('2026-11-26T00:00:00Z'),
    districts,
    existing: [],
    scenarios: Array.from({ length: 20 }, (_, i) => ({ code: `S${String(i + 1).padStart(2, '0')}`, name: `场景${i + 1}` })),
    operators: ['op-1'],
    usedCreditCodes: new Set(),
  });
}

// Issue #3 item 9: a believable programme mid-flight, deterministic from a seed, marked as demo.
describe('demo programme', () => {
  const rows = generate(20250914);

  it('has about 400 enterprises, 220 projects in every state and 40 factories', () => {
    expect(rows.enterpriseCount).toBeGreaterThanOrEqual(380);
    expect(rows.projects).toHaveLength(220);
    expect(new Set(rows.projects.map((p) => p.state)).size).toBe(10);
    expect(rows.factories).toHaveLength(40);
    expect(rows.organisations.every((o) => o.isDemo && o.name.includes('演示'))).toBe(true);
  });

  it('is the same for the same seed', () => {
    const again = generate(20250914);
    expect(again.organisations.map((o) => o.name)).toEqual(rows.organisations.map((o) => o.name));
    expect(again.projects.map((p) => p.title)).toEqual(rows.projects.map((p) => p.title));
  });

  it('uses valid, unique credit codes', () => {
    const codes = rows.organisations.map((o) => o.creditCode ?? '');
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(checkCreditCode(code)).toBeNull();
  });

  it('gives every project a timeline the lifecycle allows', () => {
    for (const project of rows.projects) {
      const events = rows.projectEvents.filter((e) => e.projectId === project.id);
      let state: ProjectState = 'draft';
      for (const event of events.slice(1)) {
        const decision = decideProjectTransition(state, event.action as ProjectAction, event.actorRole as never, {
          comment: 'x',
          date: '2026-01-01',
          scenarioCount: 1,
          hasAcceptanceReport: true,
        });
        expect(decision.ok, `${project.code}: ${state} → ${event.action}`).toBe(true);
        state = event.toState as ProjectState;
      }
      expect(state).toBe(project.state);
    }
  });

  it('has some factories past the T-APP-1 threshold of live scenarios', () => {
    const today = '2026-11-26';
    const live = rows.factories.map(
      (f) => rows.factoryScenarios.filter((s) => s.factoryId === f.id && (s.goLiveDate ?? '9999') <= today).length,
    );
    const mature = live.filter((n) => n >= FACTORY_SCENARIO_THRESHOLD).length;
    expect(mature).toBeGreaterThanOrEqual(5);
    expect(mature).toBeLessThan(10);
  });
});
