import type { Endpoint, Locale, QueryOf } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../actor.js';
import { actorOf } from '../http/auth-hook.js';
import { serveEndpoint } from '../http/endpoint-route.js';
import { listAll } from './export.js';
import { sendWorkbook } from './http.js';
import { writeWorkbook } from './workbook.js';

/** A text in both of the console's languages. */
export interface Worded {
  zh: string;
  en: string;
}

/** One column of a list's export: its header in both languages and the cell text of an item. */
export interface ExportColumn<T> {
  header: Worded;
  value: (item: T, lang: Locale) => string;
  /** `date` cells (yyyy-mm-dd text) become Excel dates. */
  type?: 'date';
  width?: number;
}

type ListQueryOf<E extends Endpoint> = Omit<NonNullable<QueryOf<E>>, 'lang'> & { page: number; pageSize: number };

/** What a list's export needs: the file's name, the columns, and the list's own service method. */
export interface ListExport<E extends Endpoint, T> {
  /** The download's name without `.xlsx` (also the sheet's name). */
  name: Worded;
  columns: ReadonlyArray<ExportColumn<T>>;
  /** The list's service method: its scope and filters decide which rows the export holds. */
  list: (actor: Actor, query: ListQueryOf<E>) => Promise<{ items: T[]; total: number }>;
}

/** Picks the text of `lang` (zh-CN by default). */
export const worded = (text: Worded, lang: Locale): string => (lang === 'en-US' ? text.en : text.zh);

/** The filtered list as .xlsx rows: every page through the list's service, headers and values in `lang`. */
export async function exportList<E extends Endpoint, T>(
  def: ListExport<E, T>,
  actor: Actor,
  query: NonNullable<QueryOf<E>>,
): Promise<Buffer> {
  const { lang: chosen, ...filters } = query as { lang?: Locale } & Record<string, unknown>;
  const lang: Locale = chosen ?? 'zh-CN';
  const items = await listAll('rows', (page, pageSize) => def.list(actor, { ...filters, page, pageSize } as ListQueryOf<E>));
  const columns = def.columns.map((c, i) => ({ header: worded(c.header, lang), key: `c${i}`, type: c.type, width: c.width }));
  const rows = items.map((item) => Object.fromEntries(def.columns.map((c, i) => [`c${i}`, c.value(item, lang)])));
  return writeWorkbook({ sheet: worded(def.name, lang).slice(0, 31), columns, rules: [] }, rows, { help: false });
}

/**
 * Serves a list's export twin (#12 item 7; contracts' `listExportSpec`): the list's service reads
 * every page under the caller's scope and the list's filters; more than MAX_EXPORT_ROWS rows are
 * refused (`export.too_many_rows`).
 */
export function serveListExport<E extends Endpoint, T>(app: FastifyInstance, endpoint: E, def: ListExport<E, T>): void {
  serveEndpoint(app, endpoint, async (request, reply) => {
    const query = request.query as NonNullable<QueryOf<E>>;
    const lang = (query as { lang?: Locale }).lang ?? 'zh-CN';
    return sendWorkbook(reply, `${worded(def.name, lang)}.xlsx`, await exportList(def, actorOf(request), query));
  });
}

/** An instant as Beijing time `yyyy-mm-dd hh:mm` (the programme's clock), or '' for none. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return Number.isNaN(shifted.getTime()) ? '' : shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** A day (`yyyy-mm-dd`) of a date or an instant, or '' for none. */
export const dayOf = (value: string | null | undefined): string => (value ? value.slice(0, 10) : '');

/** 是 / 否, Yes / No. */
export const yesNo = (value: boolean, lang: Locale): string => (lang === 'en-US' ? (value ? 'Yes' : 'No') : value ? '是' : '否');

/** A column whose cell is one of a fixed set of codes, worded in both languages. */
export function codeColumn<T, C extends string>(header: Worded, names: Record<C, Worded>, code: (item: T) => C | null): ExportColumn<T> {
  return {
    header,
    value: (item, lang) => {
      const c = code(item);
      return c === null ? '' : worded(names[c], lang);
    },
  };
}

/** A plain text column. */
export function textColumn<T>(header: Worded, text: (item: T) => string | number | null | undefined, width?: number): ExportColumn<T> {
  return { header, value: (item) => String(text(item) ?? ''), ...(width ? { width } : {}) };
}
