import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  /** What the secret is for; shown above it. */
  intro: string;
  secret: string;
  warning: string;
  onClose(): void;
}

/** Shows a secret (one-time password, API token) once, copyable, with a warning that it will not be shown again. */
export function OneTimeSecretModal({ open, title, intro, secret, warning, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-close">
          {t('common.close')}
        </Button>
      }
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text>{intro}</Typography.Text>
        <Typography.Paragraph
          copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }}
          style={{ marginBottom: 0, wordBreak: 'break-all' }}
        >
          <Typography.Text code style={{ fontSize: 18 }} data-testid="one-time-secret">
            {secret}
          </Typography.Text>
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={warning} />
      </Space>
    </Modal>
  );
}
