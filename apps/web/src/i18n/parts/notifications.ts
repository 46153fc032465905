import type { Widen } from './widen';
/**
 * Console messages for one feature area, kept apart so that work on different areas does not touch
 * the same file. zh-CN is the source of truth; en-US must have the same shape (checked by the type).
 */
export const zhCN = {};

export const enUS: Widen<typeof zhCN> = {};
