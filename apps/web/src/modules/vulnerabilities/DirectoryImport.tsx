import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { DirectoryImportResultSchema } from '@suilian/contracts';
import { Alert, Button, Flex, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { useJob } from '../../shared/jobs';
import { postCsafDirectory, useInvalidateSecurity } from './hooks';

/** A directory of CSAF files imported as a job: progress bar, then counts and the rejected files with their messages. */
export function DirectoryImport() {
  const { t } = useTranslation();
  const me = useMe();
  const invalidate = useInvalidateSecurity();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const job = useJob(jobId);
  const parsed = job.data?.status === 'succeeded' ? DirectoryImportResultSchema.safeParse(job.data.result) : null;
  const result = parsed?.success ? parsed.data : null;
  const running = jobId !== undefined && (!job.data || job.data.status === 'queued' || job.data.status === 'running');
  const percent = job.data && job.data.total > 0 ? Math.floor((job.data.progress / job.data.total) * 100) : 0;

  const start = () => {
    setError(null);
    setStarting(true);
    postCsafDirectory(files, me.csrfToken)
      .then(setJobId, setError)
      .finally(() => setStarting(false));
  };
  const close = () => {
    if (result) void invalidate();
    setOpen(false);
    setFiles([]);
    setJobId(undefined);
    setError(null);
  };
  const pick = (file: File) => {
    // Every chosen file arrives here once; only JSON documents are advisories.
    if (file.name.toLowerCase().endsWith('.json')) setFiles((prev) => [...prev, file]);
    return false;
  };

  return (
    <>
      <Button icon={<FolderOpenOutlined />} onClick={() => setOpen(true)} data-testid="import-directory">
        {t('vulnerabilities.catalogue.importDirectory')}
      </Button>
      <Modal
        open={open}
        title={t('vulnerabilities.directory.title')}
        onCancel={close}
        width={760}
        destroyOnHidden
        mask={{ closable: !running }}
        footer={
          <Space>
            {jobId === undefined && (
              <Button type="primary" disabled={files.length === 0} loading={starting} onClick={start} data-testid="directory-start">
                {t('vulnerabilities.directory.start', { n: files.length })}
              </Button>
            )}
            <Button onClick={close} disabled={running}>
              {t('common.close')}
            </Button>
          </Space>
        }
      >
        <Flex vertical gap={12}>
          {error !== null && <ApiErrorAlert error={error} showReason />}
          {jobId === undefined ? (
            <>
              <Typography.Text type="secondary">{t('vulnerabilities.directory.hint')}</Typography.Text>
              <Space>
                <Upload directory showUploadList={false} beforeUpload={pick}>
                  <Button icon={<FolderOpenOutlined />}>{t('vulnerabilities.directory.choose')}</Button>
                </Upload>
              </Space>
              <Upload.Dragger multiple accept=".json" showUploadList={false} beforeUpload={pick} data-testid="directory-files">
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('vulnerabilities.directory.chooseFiles')}</p>
              </Upload.Dragger>
            </>
          ) : (
            <>
              {job.error && <ApiErrorAlert error={job.error} />}
              <Progress
                percent={job.data?.status === 'succeeded' ? 100 : percent}
                status={job.data?.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
                data-testid="directory-progress"
              />
              {running && (
                <Typography.Text>
                  {job.data?.status === 'queued'
                    ? t('vulnerabilities.directory.queued')
                    : t('vulnerabilities.directory.progress', { done: job.data?.progress ?? 0, total: job.data?.total ?? 0 })}
                </Typography.Text>
              )}
              {job.data?.status === 'failed' && (
                <Alert type="error" showIcon title={t('vulnerabilities.directory.failed', { message: job.data.message ?? '' })} />
              )}
              {result && (
                <Flex vertical gap={8} data-testid="directory-result">
                  <Alert
                    type={result.rejected.length ? 'warning' : 'success'}
                    showIcon
                    title={t('vulnerabilities.directory.done', { ...result, rejected: result.rejected.length })}
                  />
                  {result.rejected.length > 0 && (
                    <Table
                      size="small"
                      rowKey="file"
                      dataSource={result.rejected}
                      pagination={result.rejected.length > 10 ? { pageSize: 10 } : false}
                      columns={[
                        { title: t('vulnerabilities.directory.rejectedFile'), dataIndex: 'file', width: 220 },
                        {
                          title: t('vulnerabilities.directory.messages'),
                          dataIndex: 'messages',
                          render: (m: string[]) => (
                            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                              {m.map((line) => (
                                <li key={line}>{line}</li>
                              ))}
                            </ul>
                          ),
                        },
                      ]}
                    />
                  )}
                </Flex>
              )}
            </>
          )}
        </Flex>
      </Modal>
    </>
  );
}
