import type { CreateTemplate, HandleTemplate } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError, refusal } from '../../platform/errors.js';
import { createHandleRepo } from './handle.repo.js';
import { industryDivision } from './logic/industry.js';
import { type TemplateLike, templateProblems } from './logic/template.js';
import { prefixPolicy } from './prefix.policy.js';
import type { PrefixService } from './prefix.service.js';

export interface TemplateServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  prefixes: PrefixService;
}

type TemplateRow = Awaited<ReturnType<ReturnType<typeof createHandleRepo>['templates']>>[number];

/** Versioned metadata templates per prefix and GB/T 4754 class; a version never changes once written. */
export function createTemplateService(deps: TemplateServiceDeps) {
  const repo = createHandleRepo(deps.db);

  function present(row: TemplateRow, newest: number): HandleTemplate {
    return {
      id: row.id,
      prefix: row.prefix,
      industryCode: row.industryCode,
      name: row.name,
      version: row.version,
      items: row.items,
      current: row.version === newest,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
    };
  }

  return {
    /** The template a record names (newest of the class when version is undefined). */
    async find(prefix: string, industryCode: string, version?: number): Promise<TemplateLike | null> {
      const row = await repo.template(prefix, industryCode, version);
      return row ? { industryCode: row.industryCode, version: row.version, items: row.items } : null;
    },

    async list(actor: Actor, prefix: string): Promise<HandleTemplate[]> {
      const p = await deps.prefixes.readable(actor, prefix);
      const rows = await repo.templates(p.prefix);
      const newest = new Map<string, number>();
      for (const r of rows) newest.set(r.industryCode, Math.max(newest.get(r.industryCode) ?? 0, r.version));
      return rows.map((r) => present(r, newest.get(r.industryCode) ?? r.version));
    },

    /** A new version of the class's template (version 1 when the class has none yet). */
    async create(actor: Actor, prefix: string, input: CreateTemplate): Promise<HandleTemplate> {
      prefixPolicy.authorize(actor, 'write');
      const p = await deps.prefixes.readable(actor, prefix);
      // Readers of the prefix outside its admin group learn why (it is not hidden from them).
      if (!prefixPolicy.can(actor, 'write', p))
        throw refusal('FORBIDDEN', 'handle.not_prefix_admin', `you are not in the administrator group of ${p.prefix}`, {
          prefix: p.prefix,
        });
      const division = industryDivision(input.industryCode);
      if (!division)
        throw fieldError(
          'VALIDATION_FAILED',
          'industryCode',
          'gb4754_section',
          `${input.industryCode}: the section letter does not match the division (GB/T 4754-2017)`,
        );
      if (!(await repo.industryDivisionActive(division))) {
        throw fieldError('VALIDATION_FAILED', 'industryCode', 'code_list', `division ${division} is not in the industry code list`);
      }
      const problems = templateProblems(input.items);
      if (problems.length)
        throw new AppError('VALIDATION_FAILED', problems.map((i) => `${i.field}: ${i.message}`).join('; '), { issues: problems });
      const created = await deps.db.transaction(async (tx) => {
        const row = await createHandleRepo(tx).insertTemplate({
          prefix: p.prefix,
          industryCode: input.industryCode,
          name: input.name,
          items: input.items,
          createdBy: actor.displayName ?? actor.name,
          createdAt: deps.clock.now(),
        });
        await deps.audit.append(tx, actor, {
          action: 'handle_template.create',
          entityType: 'handle_template',
          entityId: row.id,
          after: { prefix: p.prefix, industryCode: row.industryCode, version: row.version, items: row.items },
        });
        return row;
      });
      return present(created, created.version);
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
