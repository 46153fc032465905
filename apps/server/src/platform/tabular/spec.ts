/** How a column's text is read: dates and money get normalised, bool reads 是/否. */
export type ColumnType = 'text' | 'date' | 'money' | 'bool';

/** One column of an import template / export: the Chinese header users see and the field it fills. */
export interface TableColumn {
  /** Header exactly as in the template (the report names columns by it). */
  header: string;
  /** The field of the record this column fills (used to map schema errors back to the column). */
  key: string;
  type?: ColumnType;
  required?: boolean;
  /** Values offered as a drop-down, kept on the hidden 代码表 sheet. */
  choices?: readonly string[];
  /** The drop-down only helps: other text is allowed too (e.g. several values separated by ；). */
  freeText?: boolean;
  /** One line for the 说明 sheet and the header cell's note. */
  note?: string;
  width?: number;
}

export interface TableSpec {
  /** Name of the data sheet, e.g. 企业信息. */
  sheet: string;
  columns: readonly TableColumn[];
  /** General rules for the 说明 sheet. */
  rules: readonly string[];
}

/** One data row as read: its sheet row number (header is row 1 in the template) and cells by column key. */
export interface BoundRow {
  row: number;
  cells: Record<string, string>;
}
