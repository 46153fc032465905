import type { DemandState, LeadStatus, SolutionState } from '@suilian/contracts';
import { useTranslation } from 'react-i18next';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';

const SOLUTION_TONES: Record<SolutionState, StatusTone> = {
  draft: 'progress',
  submitted: 'progress',
  returned: 'attention',
  published: 'done',
  retired: 'closed',
};
const DEMAND_TONES: Record<DemandState, StatusTone> = { open: 'progress', closed: 'closed' };
const LEAD_TONES: Record<LeadStatus, StatusTone> = { contact: 'attention', proposal: 'progress', deal: 'done', no_deal: 'closed' };

/** A solution's lifecycle state in the console-wide colours. */
export function SolutionStateTag({ state }: { state: SolutionState }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={SOLUTION_TONES[state]} data-testid="solution-state">
      {t(`solutionStates.${state}`)}
    </StatusTag>
  );
}

export function DemandStateTag({ state }: { state: DemandState }) {
  const { t } = useTranslation();
  return <StatusTag tone={DEMAND_TONES[state]}>{t(`demandStates.${state}`)}</StatusTag>;
}

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={LEAD_TONES[status]} data-testid="lead-status">
      {t(`leadStatuses.${status}`)}
    </StatusTag>
  );
}
