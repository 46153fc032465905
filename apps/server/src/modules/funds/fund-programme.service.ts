import type { FundProgramme, FundProgrammeInput, FundProgrammeListQuery, UpdateFundProgramme } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import type { FundServiceDeps } from './fund.deps.js';
import { fundProgrammePolicy } from './fund.policy.js';
import { presentProgramme } from './fund.present.js';
import { createFundRepo } from './fund.repo.js';

const fieldsOf = (p: FundProgrammeInput) => ({
  nameZh: p.nameZh,
  nameEn: p.nameEn,
  policyBasis: p.policyBasis,
  description: p.description ?? null,
  eligibility: p.eligibility,
  awardRule: p.awardRule,
  opensOn: p.opensOn,
  closesOn: p.closesOn,
  publicityDays: p.publicityDays,
});

/** Fund programmes (专项资金): city administrators keep them, every holder of fund:read reads them. */
export function createFundProgrammeService(deps: FundServiceDeps) {
  const today = () => chinaDate(deps.clock.now());
  return {
    async list(actor: Actor, query: FundProgrammeListQuery): Promise<{ items: FundProgramme[]; total: number }> {
      fundProgrammePolicy.authorize(actor, 'read');
      const page = await createFundRepo(deps.db).listProgrammes({ window: query.window, q: query.q, today: today() }, query);
      return { items: await Promise.all(page.items.map((row) => presentProgramme(deps.db, row, today()))), total: page.total };
    },
    async get(actor: Actor, id: string): Promise<FundProgramme> {
      fundProgrammePolicy.authorize(actor, 'read');
      const row = await createFundRepo(deps.db).findProgramme(id);
      if (!row) throw notFound('fund programme');
      return presentProgramme(deps.db, row, today());
    },
    async create(actor: Actor, input: FundProgrammeInput): Promise<FundProgramme> {
      fundProgrammePolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const repo = createFundRepo(tx);
        const now = deps.clock.now();
        const row = await repo.insertProgramme({ ...fieldsOf(input), createdBy: actor.userId, createdAt: now, updatedAt: now });
        await repo.replaceBudgets(row.id, input.budgets);
        const result = await presentProgramme(tx, row, today());
        await deps.audit.append(tx, actor, {
          action: 'fund_programme.create',
          entityType: 'fund_programme',
          entityId: row.id,
          after: result,
        });
        return result;
      });
    },
    async update(actor: Actor, id: string, input: UpdateFundProgramme): Promise<FundProgramme> {
      fundProgrammePolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const repo = createFundRepo(tx);
        const before = await repo.findProgramme(id);
        if (!before) throw notFound('fund programme');
        const beforeView = await presentProgramme(tx, before, today());
        const row = await repo.updateProgramme(id, input.version, { ...fieldsOf(input.programme), updatedAt: deps.clock.now() });
        if (!row) throw staleVersion('fund programme');
        await repo.replaceBudgets(id, input.programme.budgets);
        const result = await presentProgramme(tx, row, today());
        await deps.audit.append(tx, actor, {
          action: 'fund_programme.update',
          entityType: 'fund_programme',
          entityId: id,
          before: beforeView,
          after: result,
        });
        return result;
      });
    },
  };
}

export type FundProgrammeService = ReturnType<typeof createFundProgrammeService>;
