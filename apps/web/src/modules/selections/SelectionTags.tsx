import type { ApplicationStatus, Objection, RoundStage } from '@suilian/contracts';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../shared/StatusTag';
import { APPLICATION_STATUS_TONES, OBJECTION_STATUS_TONES, ROUND_STAGE_TONES } from './display';

/** A round's stage (草稿, 征集中 … 已发布) in its colour. */
export function RoundStageTag({ stage }: { stage: RoundStage }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={ROUND_STAGE_TONES[stage]} data-testid="round-stage">
      {t(`roundStages.${stage}`)}
    </StatusTag>
  );
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={APPLICATION_STATUS_TONES[status]} data-testid="application-status">
      {t(`applicationStatuses.${status}`)}
    </StatusTag>
  );
}

export function ObjectionStatusTag({ status }: { status: Objection['status'] }) {
  const { t } = useTranslation();
  return <StatusTag tone={OBJECTION_STATUS_TONES[status]}>{t(`objectionStatuses.${status}`)}</StatusTag>;
}

/** 入选: on the selected list (green, done). */
export function SelectedTag() {
  const { t } = useTranslation();
  return (
    <StatusTag tone="done" data-testid="application-selected">
      {t('selections.selected')}
    </StatusTag>
  );
}
