import { DeleteOutlined } from '@ant-design/icons';
import { FUND_EVIDENCE_KINDS, type FundApplication } from '@suilian/contracts';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/errors';
import { FileUploadButton } from '../../shared/FileUploadButton';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { useCreateApplication, useFundProgrammes, useOwnProjects, useUpdateApplication } from './hooks';

type EvidenceKind = (typeof FUND_EVIDENCE_KINDS)[number];
interface EvidenceRow {
  fileId: string;
  name: string;
  kind: EvidenceKind;
  number: string;
  amount: string;
}
interface Values {
  programmeId: string;
  projectId: string;
  level?: string;
  requestedAmount: string;
  bankName: string;
  bankAccount?: string;
  description?: string;
}

const YUAN = /^\d{1,13}(\.\d{1,2})?$/;

/** The enterprise's application form: a new draft, or the edit of a draft or returned one (`editing`). */
export function FundApplicationDrawer({
  open,
  onClose,
  onSaved,
  editing,
}: {
  open: boolean;
  onClose(): void;
  onSaved(a: FundApplication): void;
  editing?: FundApplication;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const programmes = useFundProgrammes({ page: 1, pageSize: 100 });
  const projects = useOwnProjects(open);
  const create = useCreateApplication();
  const update = useUpdateApplication();
  const [evidence, setEvidence] = useState<EvidenceRow[]>(
    editing?.evidence.map((e) => ({
      fileId: e.file.id,
      name: e.file.name,
      kind: e.kind,
      number: e.number ?? '',
      amount: e.amount ?? '',
    })) ?? [],
  );
  const programmeId = Form.useWatch('programmeId', form) ?? editing?.programmeId;
  const programme = programmes.data?.items.find((p) => p.id === programmeId);
  const zh = i18n.language.startsWith('zh');
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('funds.required', { field: t(`funds.fields.${field}` as never) }),
  });
  const money = { pattern: YUAN, message: t('funds.fields.amount') };
  const error = create.error ?? update.error;

  const submit = (v: Values) => {
    const content = {
      projectId: v.projectId,
      requestedAmount: v.requestedAmount.trim(),
      bankName: v.bankName.trim(),
      ...(v.level ? { level: v.level } : {}),
      ...(v.description?.trim() ? { description: v.description.trim() } : {}),
      evidence: evidence.map((e) => ({
        fileId: e.fileId,
        kind: e.kind,
        ...(e.number.trim() ? { number: e.number.trim() } : {}),
        ...(e.amount.trim() ? { amount: e.amount.trim() } : {}),
      })),
    };
    const handlers = { onSuccess: onSaved, onError: (e: unknown) => applyFormErrors(form, e, t) };
    if (editing)
      update.mutate(
        {
          id: editing.id,
          body: { version: editing.version, ...content, ...(v.bankAccount?.trim() ? { bankAccount: v.bankAccount } : {}) },
        },
        handlers,
      );
    else create.mutate({ programmeId: v.programmeId, ...content, bankAccount: v.bankAccount ?? '' }, handlers);
  };
  const patch = (i: number, next: Partial<EvidenceRow>) => setEvidence((rows) => rows.map((r, j) => (j === i ? { ...r, ...next } : r)));

  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('funds.applyTitle')}
      size={640}
      testId="fund-application-drawer"
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitTestId="fund-application-save"
      error={error}
      showReason
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                programmeId: editing.programmeId,
                projectId: editing.projectId,
                level: editing.level ?? undefined,
                requestedAmount: editing.requestedAmount,
                bankName: editing.bankName,
                description: editing.description ?? undefined,
              }
            : {}
        }
      >
        <Form.Item name="programmeId" label={t('funds.fields.programme')} rules={[required('programme')]}>
          <Select
            disabled={!!editing}
            data-testid="fund-form-programme"
            options={(programmes.data?.items ?? [])
              .filter((p) => p.window === 'open' || p.id === editing?.programmeId)
              .map((p) => ({ value: p.id, label: `${zh ? p.nameZh : p.nameEn}（${p.policyBasis}）` }))}
          />
        </Form.Item>
        <Form.Item name="projectId" label={t('funds.fields.project')} rules={[required('project')]}>
          <Select
            data-testid="fund-form-project"
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }))}
          />
        </Form.Item>
        {programme?.awardRule.kind === 'fixed' && (
          <Form.Item name="level" label={t('funds.fields.level')} rules={[required('level')]}>
            <Select
              options={programme.awardRule.levels.map((l) => ({ value: l.code, label: `${zh ? l.nameZh : l.nameEn}（${l.amount}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="requestedAmount" label={t('funds.fields.requestedAmount')} rules={[required('requestedAmount'), money]}>
          <Input inputMode="decimal" data-testid="fund-form-amount" />
        </Form.Item>
        <Form.Item name="bankName" label={t('funds.fields.bankName')} rules={[required('bankName')]}>
          <Input data-testid="fund-form-bank" />
        </Form.Item>
        <Form.Item
          name="bankAccount"
          label={t('funds.fields.bankAccount')}
          extra={editing ? `${editing.bankAccountMasked} · ${t('funds.fields.bankAccountHint')}` : t('funds.fields.bankAccountHint')}
          rules={editing ? [] : [required('bankAccount')]}
        >
          <Input autoComplete="off" data-testid="fund-form-account" />
        </Form.Item>
        <Form.Item name="description" label={t('funds.fields.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Typography.Title level={5}>{t('funds.fields.evidence')}</Typography.Title>
        <Flex vertical gap={8}>
          {evidence.map((e, i) => (
            <Flex key={e.fileId} gap={8} align="center" wrap>
              <Typography.Text style={{ width: 140 }} ellipsis>
                {e.name}
              </Typography.Text>
              <Select<EvidenceKind>
                value={e.kind}
                style={{ width: 110 }}
                onChange={(kind) => patch(i, { kind })}
                options={FUND_EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`funds.evidenceKinds.${k}`) }))}
              />
              <Input
                value={e.number}
                placeholder={t('funds.fields.evidenceNumber')}
                style={{ width: 160 }}
                onChange={(ev) => patch(i, { number: ev.target.value })}
                data-testid="fund-evidence-number"
              />
              <Input
                value={e.amount}
                placeholder={t('funds.fields.evidenceAmount')}
                style={{ width: 120 }}
                onChange={(ev) => patch(i, { amount: ev.target.value })}
              />
              <Button icon={<DeleteOutlined />} onClick={() => setEvidence((rows) => rows.filter((_, j) => j !== i))} />
            </Flex>
          ))}
          <FileUploadButton
            data-testid="fund-evidence-upload"
            onUploaded={(f) => setEvidence((rows) => [...rows, { fileId: f.id, name: f.name, kind: 'invoice', number: '', amount: '' }])}
          />
        </Flex>
      </Form>
    </RecordDrawer>
  );
}
