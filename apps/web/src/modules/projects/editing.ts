import type { Project, ProjectAction, ProjectState } from '@suilian/contracts';

const OPEN_STATES: readonly ProjectState[] = ['draft', 'submitted', 'returned', 'city_review', 'approved', 'under_construction'];
const PROGRESS_STATES: readonly ProjectState[] = ['approved', 'under_construction', 'built'];

/** How the user may edit the project now (mirrors the server's rules; the server has the last word). */
export function editMode(project: Pick<Project, 'state'>, role: string, canWrite: boolean): 'full' | 'progress' | null {
  if (!canWrite) return null;
  if (project.state === 'draft' || project.state === 'returned') return 'full';
  if (role === 'city_admin' && OPEN_STATES.includes(project.state)) return 'full';
  if (PROGRESS_STATES.includes(project.state)) return 'progress';
  return null;
}

/** What an action asks for in its dialog; the server checks the same (lifecycle rules). */
export function actionNeeds(action: ProjectAction, state: Project['state']): { comment: 'required' | 'optional'; date: boolean } {
  const commentRequired = action === 'return' || action === 'reject' || (action === 'cancel' && state !== 'draft');
  return { comment: commentRequired ? 'required' : 'optional', date: action === 'start_construction' || action === 'complete' };
}
