import type { ReactNode } from 'react';

/**
 * Text shown as its source wrote it — vendor and product names, model numbers, an advisory's own
 * title — and not translated (issue #12 item 3). `translate="no"` tells translation tools so, and
 * the zh-CN crawler (e2e) skips it for the same reason.
 */
export function SourceText({ children }: { children: ReactNode }) {
  return <span translate="no">{children}</span>;
}
