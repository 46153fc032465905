import type { FindingState, VulnGrade } from '@suilian/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Grade colours used everywhere in the module (超危 deepest). */
export const GRADE_COLOURS: Record<VulnGrade, string> = { critical: '#a8071a', high: '#f5222d', medium: '#fa8c16', low: '#1677ff' };

export function GradeTag({ grade }: { grade: VulnGrade | null | undefined }) {
  const { t } = useTranslation();
  if (!grade) return <>—</>;
  return <Tag color={GRADE_COLOURS[grade]}>{t(`vulnerabilities.grades.${grade}`)}</Tag>;
}

/** The glossary's colour rule: green done, blue in progress, orange needs attention, grey closed. */
const STATE_COLOURS: Record<FindingState, string> = {
  new: 'orange',
  reopened: 'orange',
  confirmed: 'gold',
  remediating: 'blue',
  fixed_awaiting_verification: 'cyan',
  verified_closed: 'green',
  false_positive: 'default',
  not_affected: 'default',
  risk_accepted: 'purple',
};

export function StateTag({ state }: { state: FindingState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="finding-state">
      {t(`vulnerabilities.states.${state}`)}
    </Tag>
  );
}

/** SLA due date with a red 超期 tag once passed (open findings only), else the days left. */
export function SlaTag({ due, overdue }: { due: string; overdue: boolean }) {
  const { t } = useTranslation();
  const day = due.slice(0, 10);
  if (overdue)
    return (
      <span>
        {day} <Tag color="red">{t('vulnerabilities.findings.overdue')}</Tag>
      </span>
    );
  return <span>{day}</span>;
}

/** "KEY · title", or just the key when the source gave the vulnerability no title of its own. */
export function vulnLabel(v: { key: string; title: string }): string {
  return v.title && v.title !== v.key ? `${v.key} · ${v.title}` : v.key;
}
