import { UploadOutlined } from '@ant-design/icons';
import { ACCEPTED_FILE_TYPES, API, MAX_UPLOAD_BYTES, type StoredFile } from '@suilian/contracts';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../api/endpoints';
import { useNotifyError } from './errors';
import { formatBytes } from './format';

/** The extensions the server accepts (it checks the content too). */
export const ACCEPT = Object.values(ACCEPTED_FILE_TYPES).flat().join(',');

interface Props {
  onUploaded(file: StoredFile): void | Promise<void>;
  label?: string;
  disabled?: boolean;
  /** Narrower than every accepted type (e.g. images only); the server still checks the content. */
  accept?: string;
  'data-testid'?: string;
}

/** Uploads one file as a stored file (API.uploadFile, with the CSRF header) and hands it back. */
export function FileUploadButton({ onUploaded, label, disabled, accept, ...rest }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept={accept ?? ACCEPT}
      showUploadList={false}
      disabled={disabled || busy}
      beforeUpload={(file) => {
        if (file.size > MAX_UPLOAD_BYTES) {
          void message.error(t('files.tooLarge', { max: formatBytes(MAX_UPLOAD_BYTES) }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        const blob = file as File;
        setBusy(true);
        upload(API.uploadFile, blob, blob.name)
          .then(async (stored) => {
            await onUploaded(stored);
            onSuccess?.(stored);
          })
          .catch((error: Error) => {
            notifyError(error);
            onError?.(error);
          })
          .finally(() => setBusy(false));
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} data-testid={rest['data-testid']}>
        {label ?? t('files.upload')}
      </Button>
    </Upload>
  );
}
