import { API, type Match } from '@suilian/contracts';
import { App, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/endpoints';
import { BatchBar, BatchProgress, BatchResultList, useChunkedBatch } from '../../shared/BatchBar';
import { useNotifyError } from '../../shared/errors';
import { useInvalidateSecurity } from './hooks';

type Verdict = 'affected' | 'not_affected';

interface Props {
  selected: Match[];
  onClear: () => void;
}

/** 匹配研判 on the selected matches: confirm affected, or not affected with the reason; the server reviews each (#12 item 7). */
export function MatchBatchActions({ selected, onClear }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const invalidate = useInvalidateSecurity();
  const batch = useChunkedBatch();
  const [verdict, setVerdict] = useState<Verdict>();
  const [note, setNote] = useState('');
  const noteMissing = verdict === 'not_affected' && note.trim() === '';
  const m = (key: string) => t(`vulnerabilities.matches.${key}` as 'vulnerabilities.matches.title');

  const apply = async () => {
    if (!verdict) return;
    try {
      const result = await batch.run(
        selected.map((r) => r.id),
        (ids) => call(API.reviewMatches, { body: { verdict, note: note.trim() || undefined, ids } }),
      );
      const byId = new Map(
        selected.map((r) => [r.id, `${r.vulnerabilityKey} · ${r.enterpriseName} · ${r.asset.vendor} ${r.asset.product}`]),
      );
      modal.info({
        title: `${t('details.batch.resultTitle')}：${m(verdict === 'affected' ? 'batchAffected' : 'batchNotAffected')}`,
        width: 640,
        content: <BatchResultList result={result} label={(id) => byId.get(id) ?? id} />,
      });
      setNote('');
      onClear();
    } catch (error) {
      notifyError(error);
    } finally {
      void invalidate();
    }
  };

  return (
    <BatchBar count={selected.length} onClear={onClear}>
      <Space wrap>
        <Select
          value={verdict}
          onChange={setVerdict}
          placeholder={t('details.batch.action')}
          options={[
            { value: 'affected', label: m('batchAffected') },
            { value: 'not_affected', label: m('batchNotAffected') },
          ]}
          style={{ width: 150 }}
          data-testid="match-batch-verdict"
        />
        <Input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={m('batchReason')}
          status={noteMissing ? 'warning' : undefined}
          maxLength={2000}
          style={{ width: 260 }}
          data-testid="match-batch-note"
        />
        <Button
          type="primary"
          disabled={!verdict || noteMissing}
          loading={batch.progress !== null}
          onClick={apply}
          data-testid="match-batch-apply"
        >
          {t('details.batch.apply')}
        </Button>
        <BatchProgress progress={batch.progress} />
      </Space>
    </BatchBar>
  );
}
