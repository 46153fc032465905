import type { API, HandleRecordSummary } from '@suilian/contracts';
import { beijingTime, type ListExport, textColumn } from '../../platform/tabular/list-export.js';
import type { RecordService } from './record.service.js';

/** 标识清单 (#12 item 7): the handles of the prefixes in the caller's reach, filtered as the list. */
export function recordExport(records: Pick<RecordService, 'list'>): ListExport<typeof API.exportIdentifierRecords, HandleRecordSummary> {
  return {
    name: { zh: '标识清单', en: 'Identifiers' },
    list: (actor, query) => records.list(actor, query),
    columns: [
      textColumn({ zh: '标识', en: 'Handle' }, (r) => r.handle, 36),
      textColumn({ zh: '前缀', en: 'Prefix' }, (r) => r.prefix, 16),
      textColumn({ zh: '行业分类', en: 'Industry' }, (r) => r.industryCode),
      textColumn({ zh: '模板版本', en: 'Template version' }, (r) => r.templateVersion),
      textColumn({ zh: 'URL', en: 'URL' }, (r) => r.url, 40),
      textColumn({ zh: '值数量', en: 'Values' }, (r) => r.valueCount),
      textColumn({ zh: '创建时间', en: 'Created' }, (r) => beijingTime(r.createdAt), 18),
      textColumn({ zh: '更新时间', en: 'Updated' }, (r) => beijingTime(r.updatedAt), 18),
    ],
  };
}
