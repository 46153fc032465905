import type { Project, ProjectAction, ProjectEvent, StoredFile } from '@suilian/contracts';
import type { AttachmentRow, EventRow, ProjectWithNames, ScenarioRow } from './project.repo.js';

/** Assembles the API shape of a project from its rows. */
export function toProject(
  row: ProjectWithNames,
  scenarios: ScenarioRow[],
  attachments: AttachmentRow[],
  files: Map<string, StoredFile>,
  scenarioNames: Map<string, string>,
  allowedActions: ProjectAction[],
): Project {
  const p = row.project;
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    description: p.description,
    enterpriseId: p.enterpriseId,
    enterpriseName: row.enterpriseName,
    districtId: p.districtId,
    districtName: row.districtName,
    filingId: p.filingId,
    state: p.state,
    scenarios: scenarios.map((s) => ({
      code: s.scenarioCode,
      customName: s.customName,
      name: s.customName ?? scenarioNames.get(s.scenarioCode ?? '') ?? s.scenarioCode ?? '',
      category: s.category,
    })),
    operatorId: p.operatorId,
    operatorName: row.operatorName,
    networkMode: p.networkMode,
    investmentTotal: p.investmentTotal,
    investment5g: p.investment5g,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    actualStart: p.actualStart,
    actualEnd: p.actualEnd,
    attachments: attachments.map((a) => {
      const file = files.get(a.fileId);
      return { fileId: a.fileId, kind: a.kind, name: file?.name ?? '', mediaType: file?.mediaType ?? '', size: file?.size ?? 0 };
    }),
    allowedActions,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toEvent(row: EventRow): ProjectEvent {
  return {
    id: row.id,
    action: row.action as ProjectEvent['action'],
    fromState: row.fromState,
    toState: row.toState,
    comment: row.comment,
    actorName: row.actorName,
    actorRole: row.actorRole,
    occurredAt: row.occurredAt.toISOString(),
  };
}
