import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { API, ATTACHMENT_KINDS, type Project, type ProjectAttachment } from '@suilian/contracts';
import { App, Button, Empty, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../api/endpoints';
import { useNotifyError } from '../../shared/errors';
import { FileUploadButton } from '../../shared/FileUploadButton';
import { formatBytes } from '../../shared/format';
import { useUpdateProject } from './hooks';

type Kind = (typeof ATTACHMENT_KINDS)[number];
const KIND_COLOURS: Record<Kind, string> = { declaration: 'blue', acceptance_report: 'green', photo: 'cyan', other: 'default' };

/** Attachments of a project: download, upload with a kind (验收报告 for acceptance), remove while the project takes edits. */
export function ProjectAttachments({ project, editable }: { project: Project; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const update = useUpdateProject();
  const [kind, setKind] = useState<Kind>(project.state === 'built' ? 'acceptance_report' : 'declaration');

  const save = (attachments: ProjectAttachment[] | Array<{ fileId: string; kind: Kind }>, done: string) =>
    update
      .mutateAsync({
        id: project.id,
        body: { version: project.version, attachments: attachments.map((a) => ({ fileId: a.fileId, kind: a.kind })) },
      })
      .then(() => void message.success(done), notifyError);

  return (
    <Flex vertical gap={12}>
      {editable && (
        <Flex gap={8} wrap align="center">
          <Select<Kind>
            value={kind}
            onChange={setKind}
            options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`attachmentKinds.${k}`) }))}
            style={{ width: 140 }}
            aria-label={t('projects.attachmentKind')}
            data-testid="attachment-kind"
          />
          <FileUploadButton
            data-testid="attachment-upload"
            onUploaded={(file) =>
              save([...project.attachments, { fileId: file.id, kind }], t('projects.attachmentAdded', { name: file.name }))
            }
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('files.hint')}
          </Typography.Text>
        </Flex>
      )}
      <Table<ProjectAttachment>
        rowKey="fileId"
        size="small"
        pagination={false}
        dataSource={project.attachments}
        data-testid="project-attachments"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.attachmentsEmpty')} /> }}
        columns={[
          {
            title: t('fields.file'),
            dataIndex: 'name',
            key: 'name',
            render: (name: string, a) => (
              <a href={urlOf(API.downloadFile, { params: { id: a.fileId } })} download={name}>
                <PaperClipOutlined /> {name}
              </a>
            ),
          },
          {
            title: t('projects.attachmentKind'),
            dataIndex: 'kind',
            key: 'kind',
            width: 120,
            render: (k: Kind) => <Tag color={KIND_COLOURS[k]}>{t(`attachmentKinds.${k}`)}</Tag>,
          },
          { title: '', dataIndex: 'size', key: 'size', width: 90, align: 'right', render: formatBytes },
          ...(editable
            ? [
                {
                  key: 'remove',
                  width: 48,
                  render: (_v: unknown, a: ProjectAttachment) => (
                    <Popconfirm
                      title={t('projects.removeAttachmentConfirm', { name: a.name })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        save(
                          project.attachments.filter((x) => x.fileId !== a.fileId),
                          t('projects.attachmentRemoved', { name: a.name }),
                        )
                      }
                    >
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
