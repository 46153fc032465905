import { DownloadOutlined, FileExcelOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { API, type DataValueImportResult } from '@suilian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upload, urlOf } from '../../api/endpoints';
import { ApiErrorAlert } from '../../shared/errors';
import { reasonText } from '../../shared/reason-text';
import { DATA_SET } from './hooks';

type Rejection = DataValueImportResult['rejected'][number];

/**
 * 模板下载 / 导入 / 导出 on the monthly report: the form as a pre-filled Excel template, an upload
 * (template or DHIS2 CSV) answered by a per-cell report, and the month's values as DHIS2 CSV.
 */
export function TransferButtons({ period, orgUnit, canImport }: { period: string; orgUnit: string | undefined; canImport: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DataValueImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const importFile = (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    // a template belongs to the form on screen; a CSV may hold several periods and districts
    const isTemplate = file.name.toLowerCase().endsWith('.xlsx');
    upload(API.importReportValues, file, file.name, { query: { dataSet: DATA_SET, ...(isTemplate ? { period, orgUnit } : {}) } })
      .then((r) => {
        setResult(r);
        if (r.written > 0) void qc.invalidateQueries({ queryKey: ['reporting'] });
      }, setError)
      .finally(() => setBusy(false));
  };
  const close = () => {
    setOpen(false);
    setResult(null);
    setError(null);
  };

  return (
    <>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          href={urlOf(API.downloadReportFormTemplate, { params: { dataSet: DATA_SET, period }, query: { orgUnit } })}
          data-testid="report-template"
        >
          {t('reportingAdmin.transfer.template')}
        </Button>
        {canImport && (
          <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="report-import">
            {t('reportingAdmin.transfer.import')}
          </Button>
        )}
        <Button
          icon={<FileExcelOutlined />}
          href={urlOf(API.exportReportValues, { query: { dataSet: DATA_SET, from: period, to: period, orgUnit } })}
          data-testid="report-export"
        >
          {t('reportingAdmin.transfer.export')}
        </Button>
      </Space>
      <Modal
        open={open}
        title={t('reportingAdmin.transfer.importTitle')}
        onCancel={close}
        width={820}
        destroyOnHidden
        footer={
          <Space>
            {(result || error !== null) && (
              <Button
                onClick={() => {
                  setResult(null);
                  setError(null);
                }}
              >
                {t('excel.again')}
              </Button>
            )}
            <Button type="primary" onClick={close} data-testid="import-close">
              {t('common.close')}
            </Button>
          </Space>
        }
        data-testid="report-import-dialog"
      >
        <Flex vertical gap={12}>
          {error !== null && <ApiErrorAlert error={error} showReason />}
          {!result && (
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(file) => {
                importFile(file);
                return false;
              }}
              data-testid="report-import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('reportingAdmin.transfer.choose')}</p>
              <p className="ant-upload-hint">{t('reportingAdmin.transfer.importHint')}</p>
            </Upload.Dragger>
          )}
          {result && (
            <Flex vertical gap={12} data-testid="report-import-result">
              <Alert
                type={result.rejected.length > 0 ? 'error' : 'success'}
                showIcon
                title={
                  result.rejected.length > 0
                    ? t('reportingAdmin.transfer.rejected', { n: result.rejected.length })
                    : result.written > 0
                      ? t('reportingAdmin.transfer.written', { n: result.written, forms: result.forms.length })
                      : t('reportingAdmin.transfer.nothingChanged')
                }
              />
              {result.rejected.length > 0 && (
                <Table<Rejection>
                  size="small"
                  rowKey={(r, i) => `${r.row}|${r.rule}|${i}`}
                  dataSource={result.rejected}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  data-testid="report-import-rejected"
                  columns={[
                    { title: t('reportingAdmin.transfer.row'), dataIndex: 'row', width: 56 },
                    {
                      title: t('reportingAdmin.transfer.column'),
                      dataIndex: 'column',
                      width: 96,
                      render: (c: string | null) => (c ? t(`reportingAdmin.transfer.columns.${c}`, { defaultValue: c }) : '—'),
                    },
                    {
                      title: t('reportingAdmin.transfer.element'),
                      dataIndex: 'element',
                      width: 200,
                      render: (e: string | null) => (e ? <Typography.Text code>{e}</Typography.Text> : '—'),
                    },
                    {
                      title: t('reportingAdmin.transfer.message'),
                      key: 'message',
                      // the rule in the user's language with the row's specifics (value, district, period); never the server's English
                      render: (_, r) =>
                        reasonText(t, r.reason) ?? t(`reportingAdmin.transfer.rules.${r.rule}`, { defaultValue: t('excel.ruleGeneric') }),
                    },
                  ]}
                />
              )}
            </Flex>
          )}
        </Flex>
      </Modal>
    </>
  );
}
