import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A code list (industries, clusters, scenarios …); `version` goes up with every change to its items. */
export const codeList = pgTable('code_list', {
  key: text('key').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Items are never deleted: retiring keeps old records readable while new ones cannot use the code. */
export const codeItem = pgTable(
  'code_item',
  {
    listKey: text('list_key')
      .notNull()
      .references(() => codeList.key),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    attrs: jsonb('attrs').$type<Record<string, unknown>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    sinceVersion: integer('since_version').notNull(),
    retiredVersion: integer('retired_version'),
  },
  (t) => [primaryKey({ columns: [t.listKey, t.code] })],
);
