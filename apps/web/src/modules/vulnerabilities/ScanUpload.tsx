import { ScanOutlined, UploadOutlined } from '@ant-design/icons';
import { API, type Scan } from '@suilian/contracts';
import { Button, Col, Flex, Form, Input, Modal, Row, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../../api/endpoints';
import { useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { OrgSelect } from '../../shared/OrgSelect';
import { useInvalidateSecurity, useScans } from './hooks';

const COUNT_KEYS = ['new', 'unchanged', 'closed', 'reactivated'] as const;

/** Imports a scan result (CSV or JSON) and shows how it reconciled: new, unchanged, closed, reactivated. */
export function ScanUpload() {
  const { t } = useTranslation();
  const me = useMe();
  const invalidate = useInvalidateSecurity();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Scan | null>(null);
  const scans = useScans(open);
  const s = (key: string) => t(`vulnerabilities.scans.${key}` as 'vulnerabilities.scans.title');
  const needsEnterprise = me.orgKind !== 'enterprise';
  const ready = name.trim() !== '' && (!needsEnterprise || enterpriseId !== undefined);

  const send = (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    upload(API.importScan, file, file.name, { query: { name: name.trim(), enterpriseId } })
      .then((scan) => {
        setResult(scan);
        void invalidate();
      }, setError)
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button icon={<ScanOutlined />} onClick={() => setOpen(true)} data-testid="scan-open">
        {t('vulnerabilities.findings.scanUpload')}
      </Button>
      <Modal
        open={open}
        title={s('title')}
        onCancel={() => setOpen(false)}
        footer={null}
        width={760}
        destroyOnHidden
        data-testid="scan-modal"
      >
        <Flex vertical gap={12}>
          <Form layout="vertical">
            {needsEnterprise && (
              <Form.Item label={s('enterprise')} required>
                <OrgSelect kinds={['enterprise']} value={enterpriseId} onChange={setEnterpriseId} data-testid="scan-enterprise" />
              </Form.Item>
            )}
            <Form.Item label={s('name')} extra={s('nameHint')} required>
              <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-testid="scan-name" />
            </Form.Item>
            <Form.Item label={s('file')} extra={s('fileHint')}>
              <Upload
                accept=".csv,.json"
                showUploadList={false}
                disabled={!ready || busy}
                beforeUpload={(file) => {
                  send(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} disabled={!ready} loading={busy} data-testid="scan-file">
                  {s('choose')}
                </Button>
              </Upload>
            </Form.Item>
          </Form>
          {error !== null && <ApiErrorAlert error={error} showReason />}
          {result && (
            <div data-testid="scan-result">
              <Typography.Text>{t('vulnerabilities.scans.result', { rows: result.rows, assets: result.assetsCreated })}</Typography.Text>
              <Row gutter={16} style={{ marginTop: 8 }}>
                {COUNT_KEYS.map((k) => (
                  <Col span={6} key={k}>
                    <Statistic title={t(`vulnerabilities.scans.counts.${k}`)} value={result.counts[k]} data-testid={`scan-count-${k}`} />
                  </Col>
                ))}
              </Row>
            </div>
          )}
          <Table<Scan>
            size="small"
            rowKey="id"
            title={() => s('history')}
            dataSource={scans.data?.items}
            loading={scans.isFetching}
            pagination={false}
            columns={[
              { title: s('at'), dataIndex: 'createdAt', width: 140, render: formatDateTime },
              { title: s('name'), dataIndex: 'name' },
              ...(needsEnterprise ? [{ title: s('enterprise'), dataIndex: 'enterpriseName' }] : []),
              ...COUNT_KEYS.map((k) => ({
                title: t(`vulnerabilities.scans.counts.${k}`),
                key: k,
                align: 'right' as const,
                render: (_v: unknown, r: Scan) => r.counts[k],
              })),
            ]}
          />
        </Flex>
      </Modal>
    </>
  );
}
