import { API, FINDING_TRANSITIONS, type Finding, type FindingAction } from '@suilian/contracts';
import { App, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/endpoints';
import { useMe } from '../../session/auth';
import { BatchBar, BatchResultList } from '../../shared/BatchBar';
import { useNotifyError } from '../../shared/errors';
import { useInvalidateSecurity } from './hooks';

/** Actions that need nothing but an optional or required note (the others ask for dates or a justification per finding). */
const BATCH_ACTIONS: readonly FindingAction[] = [
  'confirm',
  'start_remediation',
  'mark_fixed',
  'verify',
  'reject_fix',
  'mark_false_positive',
  'reopen',
];

interface Props {
  selected: Finding[];
  onClear: () => void;
}

/** One lifecycle step on the selected findings; the server authorises each row and reports each (#12 item 7). */
export function FindingBatchActions({ selected, onClear }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const invalidate = useInvalidateSecurity();
  const [action, setAction] = useState<FindingAction>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const allowed = BATCH_ACTIONS.filter((a) => me.permissions.includes(FINDING_TRANSITIONS[a].permission));
  const noteMissing = action !== undefined && FINDING_TRANSITIONS[action].noteRequired && note.trim() === '';

  const apply = async () => {
    if (!action) return;
    setBusy(true);
    try {
      const result = await call(API.transitionFindings, {
        body: { action, note: note.trim() || undefined, rows: selected.map((f) => ({ id: f.id, version: f.version })) },
      });
      const byId = new Map(selected.map((f) => [f.id, `${f.vulnerabilityKey} · ${f.asset.vendor} ${f.asset.product}`]));
      modal.info({
        title: `${t('details.batch.resultTitle')}：${t(`vulnerabilities.actions.${action}`)}`,
        width: 640,
        content: <BatchResultList result={result} label={(id) => byId.get(id) ?? id} />,
      });
      setNote('');
      onClear();
      void invalidate();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (allowed.length === 0) return null;
  return (
    <BatchBar count={selected.length} onClear={onClear}>
      <Space wrap>
        <Select
          value={action}
          onChange={setAction}
          placeholder={t('details.batch.action')}
          options={allowed.map((a) => ({ value: a, label: t(`vulnerabilities.actions.${a}`) }))}
          style={{ width: 160 }}
          data-testid="finding-batch-action"
        />
        <Input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={noteMissing ? t('details.batch.noteRequired') : t('details.batch.note')}
          status={noteMissing ? 'warning' : undefined}
          maxLength={4000}
          style={{ width: 240 }}
          data-testid="finding-batch-note"
        />
        <Button type="primary" disabled={!action || noteMissing} loading={busy} onClick={apply} data-testid="finding-batch-apply">
          {t('details.batch.apply')}
        </Button>
      </Space>
    </BatchBar>
  );
}
