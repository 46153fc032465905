import {
  HANDLE_BATCH_COLUMNS,
  type HandleBatchResult,
  type HandleRegistrationItem,
  type HandleUploadQuery,
  MAX_HANDLE_BATCH,
} from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { fieldError, notFound } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/tabular/http.js';
import { readTable } from '../../platform/tabular/read.js';
import type { TableColumn } from '../../platform/tabular/spec.js';
import { writeWorkbook } from '../../platform/tabular/workbook.js';
import type { TemplateLike } from './logic/template.js';
import type { PrefixService } from './prefix.service.js';
import type { RecordService } from './record.service.js';
import type { TemplateService } from './template.service.js';

export interface BatchUploadDeps {
  prefixes: PrefixService;
  templates: Pick<TemplateService, 'find' | 'list'>;
  records: Pick<RecordService, 'batch'>;
}

/**
 * The console's CSV/XLSX batch: one row per handle — 标识 (a full handle or a suffix under the
 * chosen prefix) or 后缀, URL, and one column per template item headed by its name or its label.
 * Rows go through the same batch registration as the API, with a result per row.
 */
export function createBatchUpload(deps: BatchUploadDeps) {
  async function templateFor(actor: Actor, query: HandleUploadQuery): Promise<TemplateLike | null> {
    await deps.templates.list(actor, query.prefix); // visibility check: 404 outside the actor's prefixes
    if (!query.industryCode) return null;
    const template = await deps.templates.find(deps.prefixes.lookup(query.prefix)?.prefix ?? query.prefix, query.industryCode);
    if (!template) throw notFound(`template ${query.industryCode} of ${query.prefix}`);
    return template;
  }

  function columns(template: TemplateLike | null): TableColumn[] {
    return [
      { header: HANDLE_BATCH_COLUMNS.handle, key: 'handle', note: '完整标识（如 88.118.8/JXDY2106023）或前缀下的后缀；与“后缀”二选一' },
      { header: HANDLE_BATCH_COLUMNS.suffix, key: 'suffix', note: '留空且“标识”也为空时由平台生成后缀' },
      { header: HANDLE_BATCH_COLUMNS.url, key: 'url', note: 'http(s) 地址，写入索引 1' },
      ...(template?.items ?? []).map((item) => ({
        header: item.label,
        key: `attr:${item.name}`,
        required: item.required,
        ...(item.type === 'date' ? { type: 'date' as const } : {}),
        ...(item.options ? { choices: item.options } : {}),
        note: `${item.name}（${item.type}）`,
      })),
    ];
  }

  return {
    async template(actor: Actor, query: HandleUploadQuery): Promise<{ name: string; content: Buffer }> {
      const template = await templateFor(actor, query);
      const content = await writeWorkbook({
        sheet: '标识注册',
        columns: columns(template),
        rules: [`每个文件最多 ${MAX_HANDLE_BATCH} 行；每行一个标识，结果逐行返回。`, '已存在且内容相同的标识视为成功（重复上传安全）。'],
      });
      return { name: `标识批量注册-${query.prefix}${query.industryCode ? `-${query.industryCode}` : ''}.xlsx`, content };
    },

    async run(actor: Actor, query: HandleUploadQuery, file: UploadedFile): Promise<HandleBatchResult> {
      const template = await templateFor(actor, query);
      const table = await readTable(file.name, file.content, { maxRows: MAX_HANDLE_BATCH });
      if (table.rows.length === 0) throw fieldError('VALIDATION_FAILED', 'file', 'empty', 'the sheet has no data rows');
      const byHeader = new Map<string, string>();
      for (const c of columns(template)) byHeader.set(c.header, c.key);
      for (const item of template?.items ?? []) byHeader.set(item.name, `attr:${item.name}`);
      const keys = table.headers.map((h) => byHeader.get(h.trim()) ?? null);
      const unknown = table.headers.filter((h, i) => h.trim() !== '' && keys[i] === null);
      if (unknown.length) throw fieldError('VALIDATION_FAILED', 'file', 'columns', `unknown columns: ${unknown.join(', ')}`);
      const items: HandleRegistrationItem[] = table.rows.map(({ values }) => {
        const item: HandleRegistrationItem = {};
        const attributes: Record<string, string> = {};
        values.forEach((value, i) => {
          const key = keys[i];
          if (!key || value === '') return;
          if (key === 'handle' || key === 'suffix') item.handle = value;
          else if (key === 'url') item.url = value;
          else attributes[key.slice(5)] = value;
        });
        if (!item.handle) item.mintNewSuffix = true;
        if (template) item.attributes = attributes;
        return item;
      });
      return deps.records.batch(actor, {
        prefix: query.prefix,
        ...(query.industryCode ? { industryCode: query.industryCode } : {}),
        items,
      });
    },
  };
}

export type BatchUpload = ReturnType<typeof createBatchUpload>;
