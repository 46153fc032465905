import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { API, type StoredFile } from '@suilian/contracts';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../api/endpoints';
import { FileUploadButton } from './FileUploadButton';
import { formatBytes } from './format';

/** What every attached file shows: a download link with its name and its size. */
export interface AttachedFile {
  fileId: string;
  name: string;
  size: number;
}

interface Props<T extends AttachedFile> {
  value?: T[];
  onChange?: (next: T[]) => void;
  /** Turns a freshly stored file into a list item (e.g. keeping its media type); default: id, name, size. */
  toItem?: (stored: StoredFile) => T;
  /** The upload button disappears at this many files (the server's limit). */
  max?: number;
  uploadTestId?: string;
}

const plainItem = (stored: StoredFile): AttachedFile => ({ fileId: stored.id, name: stored.name, size: stored.size });

/** Attached files as a form field: each with a download link and a bin, an upload that adds one (antd Form compatible). */
export function AttachmentsInput<T extends AttachedFile = AttachedFile>({ value, onChange, toItem, max = 20, uploadTestId }: Props<T>) {
  const { t } = useTranslation();
  const files = value ?? [];
  const itemOf = toItem ?? (plainItem as (stored: StoredFile) => T);
  return (
    <Flex vertical gap={6}>
      {files.map((f) => (
        <Flex key={f.fileId} gap={8} align="center">
          <a href={urlOf(API.downloadFile, { params: { id: f.fileId } })} download={f.name}>
            <PaperClipOutlined /> {f.name}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatBytes(f.size)}
          </Typography.Text>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            onClick={() => onChange?.(files.filter((x) => x.fileId !== f.fileId))}
          />
        </Flex>
      ))}
      {files.length < max && (
        <FileUploadButton data-testid={uploadTestId} onUploaded={(stored) => onChange?.([...files, itemOf(stored)])} />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('files.hint')}
      </Typography.Text>
    </Flex>
  );
}
