import type { Form } from '@suilian/contracts';
import { Alert, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Cell = Form['cells'][number];

interface ValueInputProps {
  cell: Cell;
  value: string | null;
  /** The rule the value breaks, worded; the cell is marked in red and the rule shown under it. */
  problem: string | null;
  onChange: (value: string | null) => void;
}

/**
 * One editable value of the monthly form. A plain text box on purpose: a number box would clamp
 * 120 % to 100 or drop "abc" on blur, and the changed value would be stored without a word
 * (issue #12 item 4). Here the value stays exactly as typed and a broken rule is shown instead.
 */
export function ValueInput({ cell, value, problem, onChange }: ValueInputProps) {
  const numeric = cell.valueType === 'integer' || cell.valueType === 'number' || cell.valueType === 'percentage';
  return (
    <Flex vertical gap={2}>
      <Input
        value={value ?? ''}
        inputMode={numeric ? 'decimal' : undefined}
        suffix={cell.valueType === 'percentage' ? '%' : undefined}
        status={problem ? 'error' : undefined}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        data-testid={`input-${cell.element}`}
        data-invalid={problem ? 'true' : undefined}
      />
      {problem && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`cell-error-${cell.element}`}>
          {problem}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** What happened to the form's values last: saved (not submitted), submitted, or refused and why. */
export type SaveOutcomeKind = 'saved' | 'submitted' | 'refused' | 'refusedSubmit';

interface SaveOutcomeProps {
  outcome: { kind: SaveOutcomeKind; count: number } | null;
  /** Changes typed since the last save. */
  unsaved: number;
}

/** The plain sentence under the form's buttons: whether the values were saved, submitted or refused. */
export function SaveOutcome({ outcome, unsaved }: SaveOutcomeProps) {
  const { t } = useTranslation();
  if (outcome?.kind === 'refused' || outcome?.kind === 'refusedSubmit')
    return (
      <Alert
        type="error"
        showIcon
        data-testid="report-outcome"
        data-outcome={outcome.kind}
        title={t(`reportValues.outcome.${outcome.kind}`, { count: outcome.count })}
      />
    );
  if (unsaved > 0)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="report-outcome"
        data-outcome="unsaved"
        title={t('reportValues.outcome.unsaved', { count: unsaved })}
      />
    );
  if (outcome)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="report-outcome"
        data-outcome={outcome.kind}
        title={t(`reportValues.outcome.${outcome.kind}`)}
      />
    );
  return null;
}
