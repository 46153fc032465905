import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';

export interface TableState {
  page: number;
  pageSize: number;
  /** `field` or `-field`, as the list endpoints expect. */
  sort: string | undefined;
}

/** The part of antd's SorterResult we read; structural so it fits every row type. */
interface SortInfo {
  order?: 'ascend' | 'descend' | null;
  field?: unknown;
  columnKey?: React.Key;
}

/** Paging and sorting state for server-side antd tables. */
export function useTableState(initial: Partial<TableState> = {}) {
  const [state, setState] = useState<TableState>({ page: 1, pageSize: 20, sort: undefined, ...initial });

  const onChange = useCallback(
    (pagination: TablePaginationConfig, _filters: unknown, sorter: SortInfo | SortInfo[]) => {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = one?.order ? String(one.columnKey ?? one.field) : undefined;
      const sort = field ? `${one?.order === 'descend' ? '-' : ''}${field}` : initial.sort;
      setState((prev) => ({
        page: sort !== prev.sort || pagination.pageSize !== prev.pageSize ? 1 : (pagination.current ?? 1),
        pageSize: pagination.pageSize ?? prev.pageSize,
        sort,
      }));
    },
    [initial.sort],
  );

  const resetPage = useCallback(() => setState((prev) => ({ ...prev, page: 1 })), []);

  /** antd `sortOrder` for a column key, so the header arrow follows the state. */
  const sortOrder = (key: string) => {
    if (state.sort === key) return 'ascend' as const;
    if (state.sort === `-${key}`) return 'descend' as const;
    return null;
  };

  return { ...state, onChange, resetPage, sortOrder };
}

/** The antd pagination config for a server-side page. */
export function pagination(state: TableState, total: number | undefined, totalText: (n: number) => string) {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: totalText,
  } satisfies TablePaginationConfig;
}
