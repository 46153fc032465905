import type { FundApplicationState } from '@suilian/contracts';
import { useTranslation } from 'react-i18next';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';

const TONES: Record<FundApplicationState, StatusTone> = {
  draft: 'closed',
  returned: 'attention',
  submitted: 'progress',
  city_review: 'progress',
  publicity: 'progress',
  awarded: 'done',
  disbursed: 'done',
  rejected: 'failed',
};

/** An application's state as a coloured tag. */
export function FundStateTag({ state }: { state: FundApplicationState }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONES[state]}>{t(`funds.state.${state}`)}</StatusTag>;
}
