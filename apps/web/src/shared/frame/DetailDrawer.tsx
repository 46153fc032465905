import { Drawer, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../errors';

interface DetailDrawerProps<T> {
  open: boolean;
  onClose(): void;
  /** The title once the record is loaded (a placeholder title before). */
  title: ReactNode;
  /** Drawer width in pixels. */
  size: number;
  testId?: string;
  /** Not read: the frame takes `testId` (a hyphenated JSX attribute would otherwise pass the type check and be dropped). */
  'data-testid'?: never;
  /** Buttons in the header (edit, delete, workflow actions). */
  extra?: ReactNode;
  /** The record; undefined while it loads. */
  record: T | undefined;
  /** The load error, shown instead of the skeleton. */
  error?: unknown;
  /** The body, rendered only once the record is there. */
  children: (record: T) => ReactNode;
}

/** The console's read-only record drawer: header buttons, a skeleton while loading, the load error, the record's body; destroyed when hidden. */
export function DetailDrawer<T>({ open, onClose, title, size, testId, extra, record, error, children }: DetailDrawerProps<T>) {
  return (
    <Drawer open={open} onClose={onClose} title={title} size={size} destroyOnHidden data-testid={testId} extra={extra}>
      {Boolean(error) && <ApiErrorAlert error={error} />}
      {record !== undefined ? children(record) : !error && <Skeleton active />}
    </Drawer>
  );
}
