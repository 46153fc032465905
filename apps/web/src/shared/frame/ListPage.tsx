import { Card, Empty, Flex, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../errors';
import { pagination, type TableState } from '../useTableState';

interface ListPageProps {
  title: ReactNode;
  /** The header's toolbar: Excel import/export, the create button. */
  extra?: ReactNode;
  testId?: string;
  /** Not read: the frame takes `testId` (a hyphenated JSX attribute would otherwise pass the type check and be dropped). */
  'data-testid'?: never;
  /** The list's load error, shown above the table. */
  error?: unknown;
  /** The table and whatever sits above it (filter bar, segmented switch, batch bar), in order. */
  children: ReactNode;
  /** Drawers and modals that belong to the page, rendered outside the content column. */
  overlays?: ReactNode;
  /** Space between the content rows (default 16). */
  gap?: number;
}

/** The console's list page: a card with title and toolbar, the content column (filters, error, table) and the page's drawers. */
export function ListPage({ title, extra, testId, error, children, overlays, gap = 16 }: ListPageProps) {
  return (
    <Card title={title} extra={extra} data-testid={testId}>
      <Flex vertical gap={gap}>
        {Boolean(error) && <ApiErrorAlert error={error} />}
        {children}
      </Flex>
      {overlays}
    </Card>
  );
}

/** What `useTableState` returns: the page, size and sort plus the table's change handler. */
type TableStateHandle = TableState & { onChange: NonNullable<TableProps<never>['onChange']> };

interface ServerTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange' | 'loading' | 'locale'> {
  table: TableStateHandle;
  /** The server's page (`{items,total}`), undefined while the first load runs. */
  page: { items: T[]; total: number } | undefined;
  fetching: boolean;
  /** What an empty page says (filtered or not is the caller's choice); antd's 暂无数据 without it. */
  emptyText?: ReactNode;
  /** Words the total; defaults to 共 N 条. */
  totalText?: (total: number) => string;
  testId?: string;
  /** Not read: use `testId`. */
  'data-testid'?: never;
  /** Row click, the usual way to open a record. */
  onOpen?: (row: T) => void;
}

/** A server-paged, server-sorted antd table: pagination, sorting, loading and the empty state as every list has them. */
export function ServerTable<T extends object>({
  table,
  page,
  fetching,
  emptyText,
  totalText,
  testId,
  onOpen,
  ...rest
}: ServerTableProps<T>) {
  const { t } = useTranslation();
  return (
    <Table<T>
      scroll={{ x: 'max-content' }}
      {...rest}
      dataSource={page?.items}
      loading={fetching}
      onChange={table.onChange as TableProps<T>['onChange']}
      pagination={pagination(table, page?.total, totalText ?? ((total) => t('common.total', { total })))}
      onRow={onOpen ? (row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } }) : rest.onRow}
      locale={emptyText === undefined ? undefined : { emptyText: <Empty description={emptyText} /> }}
      data-testid={testId}
    />
  );
}
