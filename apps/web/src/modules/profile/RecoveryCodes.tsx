import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Recovery codes shown once, with copy and download (a text file, made in the browser). */
export function RecoveryCodes({ codes, username }: { codes: string[]; username: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = `${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `suilian-recovery-codes-${username}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="recovery-codes">
      <Alert type="warning" showIcon title={t('twoFactor.recoveryTitle')} description={t('twoFactor.recoveryHint')} />
      <pre style={{ columns: 2, fontSize: 15, margin: 0, padding: 12, background: 'rgba(0,0,0,0.04)', borderRadius: 6 }}>
        {codes.map((code) => (
          <Typography.Text key={code} code style={{ display: 'block' }}>
            {code}
          </Typography.Text>
        ))}
      </pre>
      <Space>
        <Button
          icon={<CopyOutlined />}
          onClick={() => void navigator.clipboard?.writeText(text).then(() => message.success(t('twoFactor.copied')))}
          data-testid="recovery-codes-copy"
        >
          {t('twoFactor.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download} data-testid="recovery-codes-download">
          {t('twoFactor.download')}
        </Button>
      </Space>
    </Space>
  );
}
