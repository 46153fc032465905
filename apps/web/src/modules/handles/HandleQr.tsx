import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, QRCode, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { resolverUrl } from './logic';

/** The QR code printed on a product: the resolver URL of its handle, downloadable as PNG. */
export function HandleQr({ handle, size = 180 }: { handle: string; size?: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const url = resolverUrl(window.location.origin, handle);
  const download = () => {
    const canvas = ref.current?.querySelector('canvas');
    if (!canvas) return;
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = `${handle.replace(/[^\w.-]+/g, '_')}.png`;
    a.click();
  };
  return (
    <Flex vertical align="center" gap={8} ref={ref}>
      <QRCode value={url} size={size} type="canvas" errorLevel="M" bgColor="#ffffff" data-testid="handle-qr" data-value={url} />
      <Typography.Text
        type="secondary"
        copyable={{ text: url }}
        style={{ fontSize: 12, maxWidth: size + 40, textAlign: 'center' }}
        ellipsis
      >
        {url}
      </Typography.Text>
      <Button size="small" icon={<DownloadOutlined />} onClick={download} data-testid="handle-qr-download">
        {t('handles.resolve.downloadQr')}
      </Button>
    </Flex>
  );
}
