import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { addDays, periodEnd } from './logic/index.js';
import { type ReminderPolicy, remindersDue } from './reminders.logic.js';
import { createRemindersRepo } from './reminders.repo.js';
import { formPolicy } from './reporting.policy.js';
import { createReportingWorkbenchRepo, type FormTally } from './workbench.repo.js';

/** The console's form page for one form (it opens the district monthly report of that period). */
function formLink(form: { period: string; orgId: string }): string {
  return `/indicators/reporting?period=${encodeURIComponent(form.period)}&district=${form.orgId}`;
}

/** The district an actor's reach of `action` is pinned to; null for city-wide reach or none. */
function districtOf(actor: Actor, action: 'enter' | 'approve'): string | null {
  if (!formPolicy.allows(actor, action)) return null;
  const reach = formPolicy.reach(actor, action);
  return !reach.all && 'districtId' in reach ? reach.districtId : null;
}

/**
 * The actor's reporting to-dos (issue #12 item 1). A district's officers: forms whose entry closes
 * within the reminder window and forms past their deadline (the reminders' own rule, so the
 * 工作台 and the reminders agree), and completed forms to approve (not their own: four eyes).
 * The city: approved forms to accept. Forms wait from the day after their period ends, from their
 * completion (to approve) or their approval (to accept).
 */
export async function reportingTodos(db: DbOrTx, actor: Actor, now: Date, policy: ReminderPolicy): Promise<WorkbenchItem[]> {
  const items: Array<WorkbenchItem | null> = [];
  const repo = createReportingWorkbenchRepo(db);
  const entering = districtOf(actor, 'enter');
  if (entering) items.push(...(await formsToEnter(db, entering, now, policy)));
  const approving = districtOf(actor, 'approve');
  if (approving) items.push(fromTally('report.approve', await repo.waiting('completed', approving, actor.name), now));
  if (formPolicy.allows(actor, 'accept') && formPolicy.reach(actor, 'accept').all) {
    items.push(fromTally('report.accept', await repo.waiting('approved', null), now));
  }
  return items.filter((i): i is WorkbenchItem => i !== null);
}

function fromTally(kind: 'report.approve' | 'report.accept', tally: FormTally, now: Date): WorkbenchItem | null {
  return tally.first ? todoItem(kind, tally, now, formLink(tally.first)) : null;
}

async function formsToEnter(db: DbOrTx, districtId: string, now: Date, policy: ReminderPolicy): Promise<Array<WorkbenchItem | null>> {
  const today = now.toISOString().slice(0, 10);
  const repo = createRemindersRepo(db);
  const waiting = { due: [] as Array<{ period: string; since: string }>, overdue: [] as Array<{ period: string; since: string }> };
  for (const ds of await repo.dataSets()) {
    const candidates = remindersDue(ds, [districtId], () => false, today, policy);
    const done = new Set(
      (await repo.completed(ds.code, [...new Set(candidates.map((c) => c.period))]))
        .filter((r) => r.orgId === districtId)
        .map((r) => r.period),
    );
    for (const c of candidates) {
      if (!done.has(c.period)) waiting[c.kind].push({ period: c.period, since: addDays(periodEnd(c.period), 1) });
    }
  }
  return (['due', 'overdue'] as const).map((kind) => {
    const forms = [...waiting[kind]].sort((a, b) => a.since.localeCompare(b.since));
    const first = forms[0];
    if (!first) return null;
    return todoItem(
      `report.${kind}`,
      { count: forms.length, oldest: first.since },
      now,
      formLink({ period: first.period, orgId: districtId }),
    );
  });
}
