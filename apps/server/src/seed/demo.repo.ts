import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import {
  enterpriseHonour,
  enterpriseProfile,
  factory,
  factoryProject,
  factoryScenario,
  organisation,
  project,
  projectEvent,
  projectScenario,
  registryRecord,
  selectionApplication,
  selectionAssignment,
  selectionCase,
  selectionRound,
} from '../db/schema.js';

export interface DemoRows {
  organisations: Array<typeof organisation.$inferInsert>;
  profiles: Array<typeof enterpriseProfile.$inferInsert>;
  honours: Array<typeof enterpriseHonour.$inferInsert>;
  projects: Array<typeof project.$inferInsert>;
  projectScenarios: Array<typeof projectScenario.$inferInsert>;
  projectEvents: Array<typeof projectEvent.$inferInsert>;
  factories: Array<typeof factory.$inferInsert>;
  factoryScenarios: Array<typeof factoryScenario.$inferInsert>;
  factoryProjects: Array<typeof factoryProject.$inferInsert>;
}

/** Bulk inserts for the generated demo programme, in foreign-key order, in chunks PostgreSQL accepts. */
export async function insertDemoRows(db: DbOrTx, rows: DemoRows): Promise<void> {
  const chunks = async <T>(items: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 500) await insert(items.slice(i, i + 500));
  };
  await chunks(rows.organisations, (part) => db.insert(organisation).values(part));
  await chunks(rows.profiles, (part) => db.insert(enterpriseProfile).values(part));
  await chunks(rows.honours, (part) => db.insert(enterpriseHonour).values(part));
  await chunks(rows.projects, (part) => db.insert(project).values(part));
  await chunks(rows.projectScenarios, (part) => db.insert(projectScenario).values(part));
  await chunks(rows.projectEvents, (part) => db.insert(projectEvent).values(part));
  await chunks(rows.factories, (part) => db.insert(factory).values(part));
  await chunks(rows.factoryScenarios, (part) => db.insert(factoryScenario).values(part));
  await chunks(rows.factoryProjects, (part) => db.insert(factoryProject).values(part));
}

/** Moves the project code sequence past the codes the demo projects took. */
export async function setProjectCodeSequence(db: DbOrTx, last: number): Promise<void> {
  if (last > 0) await db.execute(sql`SELECT setval('project_code_seq', ${last})`);
}

export interface DemoSelectionRows {
  rounds: Array<typeof selectionRound.$inferInsert>;
  applications: Array<typeof selectionApplication.$inferInsert>;
  assignments: Array<typeof selectionAssignment.$inferInsert>;
  cases: Array<typeof selectionCase.$inferInsert>;
}

/** Bulk inserts for the demo ecosystem registries and selection rounds. */
export async function insertDemoEcosystem(
  db: DbOrTx,
  records: Array<typeof registryRecord.$inferInsert>,
  s: DemoSelectionRows,
): Promise<void> {
  for (let i = 0; i < records.length; i += 200) await db.insert(registryRecord).values(records.slice(i, i + 200));
  if (s.rounds.length) await db.insert(selectionRound).values(s.rounds);
  if (s.applications.length) await db.insert(selectionApplication).values(s.applications);
  if (s.assignments.length) await db.insert(selectionAssignment).values(s.assignments);
  if (s.cases.length) await db.insert(selectionCase).values(s.cases);
}
