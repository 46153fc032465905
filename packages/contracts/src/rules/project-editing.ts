import type { ProjectState, UpdateProject } from '../projects.js';
import type { Role } from '../roles.js';
import { OPEN_PROJECT_STATES } from './project-lifecycle.js';

/**
 * Which fields of a project an actor holding project:write may change in which state (issue #10
 * item 2): one rule for the server, which refuses other edits, and the console, which offers the
 * full form, the progress form or none. Pure: no Node, no React.
 */

/** Fields an enterprise may still update after approval: progress, not the substance. */
export const PROJECT_PROGRESS_FIELDS = [
  'filingId',
  'actualStart',
  'actualEnd',
  'attachments',
  'investmentTotal',
  'investment5g',
] as const satisfies readonly (keyof UpdateProject)[];

/** A progress update: only what PROJECT_PROGRESS_FIELDS opens (the console's progress form builds one). */
export type ProjectProgressUpdate = Pick<UpdateProject, 'version' | (typeof PROJECT_PROGRESS_FIELDS)[number]>;

/** States in which a project takes progress updates (from everyone who may write it). */
export const PROJECT_PROGRESS_STATES: readonly ProjectState[] = ['approved', 'under_construction', 'built'];

/** `full`: every field; `progress`: PROJECT_PROGRESS_FIELDS only. */
export type ProjectEditMode = 'full' | 'progress';

/**
 * How a role may edit a project in `state` (null: not at all): drafts and returned projects fully;
 * the city administrator any open project fully; after approval, progress only.
 */
export function projectEditMode(state: ProjectState, role: Role): ProjectEditMode | null {
  if (state === 'draft' || state === 'returned') return 'full';
  if (role === 'city_admin' && OPEN_PROJECT_STATES.includes(state)) return 'full';
  if (PROJECT_PROGRESS_STATES.includes(state)) return 'progress';
  return null;
}

/** Why changing `fields` of a project in `state` is refused to `role`, or null when it is allowed. */
export function projectEditRefusal(state: ProjectState, role: Role, fields: readonly string[]): string | null {
  const mode = projectEditMode(state, role);
  if (mode === 'full') return null;
  if (mode === null) return `a ${state} project cannot be edited`;
  const progress: readonly string[] = PROJECT_PROGRESS_FIELDS;
  const other = fields.filter((field) => field !== 'version' && !progress.includes(field));
  if (other.length === 0) return null;
  return `a ${state} project only takes progress updates (${PROJECT_PROGRESS_FIELDS.join(', ')}); not ${other.join(', ')}`;
}
