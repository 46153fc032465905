import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { formatDate } from '../../shared/format';
import { useSanctionsInForce } from './hooks';

/**
 * Shown to reviewers on an enterprise's records while it is sanctioned (取消资格 is "shown to
 * reviewers", issue #16 item 2). Only holders of sanction:read ask; the enterprise itself learns of
 * its sanction from its notification and from the refusal when it applies.
 */
export function SanctionBanner({ organisationId }: { organisationId: string | undefined }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data } = useSanctionsInForce(organisationId, can('sanction:read'));
  const sanction = data?.items[0];
  if (!sanction) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="sanction-banner"
      message={t('sanctions.banner', { name: sanction.entityName, basis: sanction.basis, until: formatDate(sanction.endsOn) })}
      description={sanction.reason}
    />
  );
}
