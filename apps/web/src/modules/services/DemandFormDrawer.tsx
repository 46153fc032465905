import { type Demand, PRICE_BANDS } from '@suilian/contracts';
import { App, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useMe } from '../../session/auth';
import { type AttachedFile, AttachmentsInput } from '../../shared/AttachmentsInput';
import { CodeSelect } from '../../shared/codeLists';
import { applyFormErrors, errorText } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { useSaveDemand } from './hooks';

interface Values {
  enterpriseId?: string;
  title?: string;
  problem?: string;
  industry?: string | null;
  scenarios?: string[];
  budgetBand?: Demand['budgetBand'];
  timelineWeeks?: number | null;
  attachments?: AttachedFile[];
}

export type DemandFormMode = { type: 'create' } | { type: 'edit'; demand: Demand };

/** Post or edit a demand: the problem, scenarios, industry, budget, timeline and attachments (issue #15 item 3). */
export function DemandFormDrawer({ mode, onClose, onSaved }: { mode: DemandFormMode | null; onClose(): void; onSaved(d: Demand): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const save = useSaveDemand();
  const editing = mode?.type === 'edit' ? mode.demand : undefined;
  const ownEnterprise = me.role === 'enterprise_user';
  const required = (label: string) => ({ required: true, whitespace: true, message: `${label}${t('services.requiredSuffix')}` });

  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (v: Values) => {
    const fields = {
      title: (v.title ?? '').trim(),
      problem: (v.problem ?? '').trim(),
      industry: v.industry ?? null,
      scenarios: v.scenarios ?? [],
      budgetBand: v.budgetBand ?? null,
      timelineWeeks: v.timelineWeeks ?? null,
      attachments: (v.attachments ?? []).map((a) => ({ fileId: a.fileId })),
    };
    const input = editing
      ? { kind: 'update' as const, id: editing.id, body: { version: editing.version, ...fields } }
      : { kind: 'create' as const, body: { ...fields, enterpriseId: ownEnterprise ? undefined : v.enterpriseId } };
    save.mutate(input, {
      onSuccess: (d) => {
        void message.success(editing ? t('common.saved') : t('services.demandCreated'));
        save.reset();
        onSaved(d);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'STALE_VERSION') {
          void message.warning(errorText(t, error));
          close();
          return;
        }
        applyFormErrors(form, error, t);
      },
    });
  };
  const initial: Values = editing
    ? {
        title: editing.title,
        problem: editing.problem,
        industry: editing.industry?.code ?? null,
        scenarios: editing.scenarios.map((s) => s.code),
        budgetBand: editing.budgetBand,
        timelineWeeks: editing.timelineWeeks,
        attachments: editing.attachments,
      }
    : { scenarios: [], attachments: [] };

  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('services.editDemand')} · ${editing.title}` : t('services.createDemand')}
      size={680}
      testId="demand-form-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="demand-form-submit"
      error={save.error}
    >
      {mode && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initial}>
          {editing || ownEnterprise ? (
            <Form.Item label={t('services.enterprise')}>
              <Typography.Text>{editing?.enterpriseName ?? me.orgName}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="enterpriseId"
              label={t('services.enterprise')}
              rules={[{ required: true, message: `${t('services.enterprise')}${t('services.requiredSuffix')}` }]}
            >
              <OrgSelect kinds={['enterprise']} data-testid="demand-enterprise" />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('services.demandTitle')} rules={[required(t('services.demandTitle')), { max: 120 }]}>
            <Input data-testid="demand-title" />
          </Form.Item>
          <Form.Item
            name="problem"
            label={t('services.problem')}
            extra={t('services.problemHint')}
            rules={[required(t('services.problem')), { max: 4000 }]}
          >
            <Input.TextArea rows={4} data-testid="demand-problem" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="industry" label={t('services.industry')}>
                <CodeSelect listKey="industry" allowClear data-testid="demand-industry" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="scenarios" label={t('services.scenarios')}>
                <CodeSelect listKey="scenario" mode="multiple" maxCount={10} data-testid="demand-scenarios" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="budgetBand" label={t('services.budgetBand')}>
                <Select
                  allowClear
                  options={PRICE_BANDS.map((b) => ({ value: b, label: t(`priceBands.${b}`) }))}
                  data-testid="demand-budget"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="timelineWeeks" label={t('services.timelineWeeks')}>
                <InputNumber min={1} max={260} precision={0} style={{ width: '100%' }} data-testid="demand-weeks" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="attachments" label={t('services.attachments')}>
            <AttachmentsInput uploadTestId="demand-attachment-upload" />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
