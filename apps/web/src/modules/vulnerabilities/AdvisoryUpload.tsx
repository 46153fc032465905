import { UploadOutlined } from '@ant-design/icons';
import { API, MAX_ADVISORY_BYTES } from '@suilian/contracts';
import { Alert, App, Button, Modal, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { ApiErrorAlert } from '../../shared/errors';
import { formatBytes } from '../../shared/format';
import { useInvalidateSecurity } from './hooks';

/** The validator's messages of a refused document (one line each), or null for other errors. */
function validatorMessages(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return null;
  const lines = error.issues.filter((i) => i.field === 'file').map((i) => i.message);
  return lines.length > 0 ? lines : null;
}

/** Uploads one CSAF 2.0 or CVE JSON 5.x document; a refusal lists the validator's messages. */
export function AdvisoryUpload({ kind }: { kind: 'csaf' | 'cve' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateSecurity();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<unknown>(null);
  const send = (file: File) => {
    if (file.size > MAX_ADVISORY_BYTES) {
      void message.error(t('vulnerabilities.catalogue.tooLarge', { max: formatBytes(MAX_ADVISORY_BYTES) }));
      return;
    }
    setBusy(true);
    upload(kind === 'csaf' ? API.importCsafAdvisory : API.importCveRecord, file, file.name)
      .then((o) => {
        void message.success(
          t('vulnerabilities.catalogue.imported', {
            id: o.trackingId,
            version: o.trackingVersion,
            outcome: t(`vulnerabilities.catalogue.outcomes.${o.outcome}`),
            vulns: o.vulnerabilities,
            affected: o.matches.affected,
            review: o.matches.needsReview,
          }),
        );
        void invalidate();
      }, setRefused)
      .finally(() => setBusy(false));
  };
  const lines = validatorMessages(refused);
  return (
    <>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid={`upload-${kind}`}>
          {t(kind === 'csaf' ? 'vulnerabilities.catalogue.uploadCsaf' : 'vulnerabilities.catalogue.uploadCve')}
        </Button>
      </Upload>
      <Modal
        open={refused !== null}
        title={t('vulnerabilities.catalogue.refused')}
        onCancel={() => setRefused(null)}
        footer={<Button onClick={() => setRefused(null)}>{t('common.close')}</Button>}
        width={720}
        data-testid="advisory-refused"
      >
        {lines ? (
          <Alert
            type="error"
            showIcon
            title={refused instanceof Error ? refused.message : ''}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 360, overflow: 'auto' }} data-testid="validator-messages">
                {lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: validator lines may repeat
                  <li key={i}>{line}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <ApiErrorAlert error={refused} showReason />
        )}
      </Modal>
    </>
  );
}
