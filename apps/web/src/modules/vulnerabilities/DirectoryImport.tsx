import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { type DirectoryImportResult, DirectoryImportResultSchema } from '@suilian/contracts';
import { Alert, Button, Flex, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { useJob } from '../../shared/jobs';
import { reasonText } from '../../shared/reason-text';
import { addResults, directoryParts } from './directoryParts';
import { postCsafDirectory, useInvalidateSecurity } from './hooks';

/**
 * A directory of CSAF files imported as a job: progress bar, then counts and the rejected files
 * with their reasons. A directory larger than one import takes is sent in parts, one job after
 * another, with the progress over all of them (issue #13 item 4).
 */
export function DirectoryImport() {
  const { t } = useTranslation();
  const me = useMe();
  const invalidate = useInvalidateSecurity();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [parts, setParts] = useState<File[][]>([]);
  const [partIndex, setPartIndex] = useState(0);
  const [jobId, setJobId] = useState<string>();
  const [sum, setSum] = useState<DirectoryImportResult | null>(null);
  const [result, setResult] = useState<DirectoryImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const job = useJob(jobId);
  const counted = useRef<string | undefined>(undefined);
  const failed = job.data?.status === 'failed';
  const running = (jobId !== undefined || starting) && result === null && !failed && error === null;
  const doneBefore = parts.slice(0, partIndex).reduce((n, p) => n + p.length, 0);
  const doneNow = job.data?.status === 'running' ? job.data.progress : 0;
  const percent = result ? 100 : files.length > 0 ? Math.floor(((doneBefore + doneNow) / files.length) * 100) : 0;

  const send = (part: File[]) => {
    setStarting(true);
    postCsafDirectory(part, me.csrfToken)
      .then(setJobId, setError)
      .finally(() => setStarting(false));
  };
  // A part's job done: add its counts, then send the next part (one job at a time, so parts never compete).
  useEffect(() => {
    if (!jobId || job.data?.status !== 'succeeded' || counted.current === jobId) return;
    counted.current = jobId;
    const parsed = DirectoryImportResultSchema.safeParse(job.data.result);
    const total = parsed.success ? addResults(sum, parsed.data) : sum;
    setSum(total);
    const next = parts[partIndex + 1];
    if (next) {
      setPartIndex(partIndex + 1);
      send(next);
    } else setResult(total);
  });

  const start = () => {
    const split = directoryParts(files);
    setError(null);
    setParts(split);
    setPartIndex(0);
    setSum(null);
    setResult(null);
    if (split[0]) send(split[0]);
  };
  const close = () => {
    if (result || sum) void invalidate();
    setOpen(false);
    setFiles([]);
    setParts([]);
    setPartIndex(0);
    setJobId(undefined);
    setSum(null);
    setResult(null);
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
            {jobId === undefined && !starting && (
              <Button type="primary" disabled={files.length === 0} onClick={start} data-testid="directory-start">
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
          {jobId === undefined && !starting ? (
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
              <Progress percent={percent} status={failed ? 'exception' : running ? 'active' : 'success'} data-testid="directory-progress" />
              {running && parts.length > 1 && (
                <Typography.Text type="secondary">
                  {t('vulnerabilities.directory.parts', { n: parts.length, k: partIndex + 1 })}
                </Typography.Text>
              )}
              {running && (
                <Typography.Text>
                  {starting
                    ? t('vulnerabilities.directory.uploading', { k: partIndex + 1, n: parts.length })
                    : job.data?.status === 'queued'
                      ? t('vulnerabilities.directory.queued')
                      : t('vulnerabilities.directory.progress', { done: doneBefore + doneNow, total: files.length })}
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
                          title: t('vulnerabilities.directory.reason'),
                          dataIndex: 'reason',
                          width: 240,
                          render: (reason: unknown) => reasonText(t, reason) ?? t('vulnerabilities.catalogue.refused'),
                        },
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
