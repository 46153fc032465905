import type { Network } from '@suilian/contracts';
import { useTranslation } from 'react-i18next';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';

const STATE_TONES: Record<Network['state'], StatusTone> = {
  planned: 'closed',
  building: 'progress',
  in_service: 'done',
  retired: 'closed',
};

/** The network's lifecycle state as a tag. */
export function NetworkStateTag({ state }: { state: Network['state'] }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={STATE_TONES[state]} data-testid="network-state">
      {t(`networks.states.${state}`)}
    </StatusTag>
  );
}

/** Where the district's confirmation stands (declared networks are not counted yet). */
export function NetworkConfirmationTag({ state }: { state: Network['confirmation']['state'] }) {
  const { t } = useTranslation();
  return (
    <StatusTag
      tone={state === 'confirmed' ? 'done' : state === 'returned' ? 'failed' : 'attention'}
      data-testid={`network-confirmation-${state}`}
    >
      {t(`confirmations.states.${state}`)}
    </StatusTag>
  );
}
