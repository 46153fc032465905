import {
  type CreateProject,
  FilingIdSchema,
  MoneySchema,
  NETWORK_MODES,
  type Project,
  type ProjectProgressUpdate,
} from '@suilian/contracts';
import { Alert, App, Col, DatePicker, Divider, Form, type FormRule, Input, Radio, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useMe } from '../../session/auth';
import { applyFormErrors, errorText } from '../../shared/errors';
import { DATE_FORMAT } from '../../shared/format';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { nullIfBlank, schemaRule, useRules } from '../../shared/rules';
import { ScenarioPicker } from '../../shared/ScenarioPicker';
import type { ScenarioRow } from '../../shared/scenarios';
import { useCreateProject, useUpdateProject } from './hooks';
import { OperatorSelect } from './OperatorSelect';

interface Values {
  enterpriseId?: string;
  title?: string;
  description?: string | null;
  filingId?: string | null;
  scenarios?: ScenarioRow[];
  operatorId?: string | null;
  networkMode?: Project['networkMode'];
  investmentTotal?: string | null;
  investment5g?: string | null;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  actualStart?: Dayjs | null;
  actualEnd?: Dayjs | null;
}

/** create: a new draft; edit: everything (draft, returned, or a city administrator); progress: what may change after approval. */
export type ProjectFormMode = { type: 'create' } | { type: 'edit'; project: Project } | { type: 'progress'; project: Project };

const dateOf = (value: string | null) => (value ? dayjs(value) : null);
const isoOf = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : null);

function valuesOf(p: Project): Values {
  return {
    title: p.title,
    description: p.description,
    filingId: p.filingId,
    scenarios: p.scenarios.map((s) => ({ code: s.code, customName: s.code ? null : s.customName, category: s.category })),
    operatorId: p.operatorId,
    networkMode: p.networkMode,
    investmentTotal: p.investmentTotal,
    investment5g: p.investment5g,
    plannedStart: dateOf(p.plannedStart),
    plannedEnd: dateOf(p.plannedEnd),
    actualStart: dateOf(p.actualStart),
    actualEnd: dateOf(p.actualEnd),
  };
}

/** "end not before start" for a pair of date fields. */
function notBefore(start: 'plannedStart' | 'actualStart', message: () => string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_r, value: Dayjs | null) => {
      const from = getFieldValue(start) as Dayjs | null;
      if (value && from && value.isBefore(from, 'day')) throw new Error(message());
    },
  });
}

interface Props {
  mode: ProjectFormMode | null;
  onClose(): void;
  onSaved(project: Project): void;
}

/** Declare a project (草稿) or edit it: scenarios with 辅助生产/核心生产, network, investment in 万元, planned dates. */
export function ProjectFormDrawer({ mode, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const update = useUpdateProject();
  const project = mode && mode.type !== 'create' ? mode.project : undefined;
  const progressOnly = mode?.type === 'progress';
  const endBeforeStart = (end: 'plannedEnd' | 'actualEnd', start: 'plannedStart' | 'actualStart') => () =>
    t('rules.endBeforeStart', { end: t(`fields.${end}`), start: t(`fields.${start}`) });

  const money: FormRule = schemaRule(MoneySchema, t('rules.money'));
  const withinTotal: FormRule = ({ getFieldValue }) => ({
    validator: async (_r, value: string | null | undefined) => {
      const total = getFieldValue('investmentTotal') as string | null | undefined;
      if (value && total && MoneySchema.safeParse(value).success && MoneySchema.safeParse(total).success && Number(value) > Number(total))
        throw new Error(t('rules.fiveGWithinTotal'));
    },
  });

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };

  const onError = (error: Error) => {
    if (error instanceof ApiError && error.code === 'STALE_VERSION') {
      void message.warning(errorText(t, error));
      close();
      return;
    }
    applyFormErrors(form, error, t);
  };

  const savedEdit = (saved: Parameters<typeof onSaved>[0]) => {
    void message.success(t('common.saved'));
    onSaved(saved);
  };

  const submit = (v: Values) => {
    const scenarios = (v.scenarios ?? []).map((s) => ({ code: s.code, customName: s.code ? null : s.customName, category: s.category }));
    const money = { investmentTotal: nullIfBlank(v.investmentTotal), investment5g: nullIfBlank(v.investment5g) };
    if (project && progressOnly) {
      const body: ProjectProgressUpdate = {
        version: project.version,
        filingId: nullIfBlank(v.filingId),
        ...money,
        actualStart: isoOf(v.actualStart),
        actualEnd: isoOf(v.actualEnd),
      };
      update.mutate({ id: project.id, body }, { onSuccess: savedEdit, onError });
      return;
    }
    const fields = {
      title: (v.title ?? '').trim(),
      description: nullIfBlank(v.description),
      filingId: nullIfBlank(v.filingId),
      scenarios,
      operatorId: v.operatorId ?? null,
      networkMode: v.networkMode ?? null,
      ...money,
      plannedStart: isoOf(v.plannedStart),
      plannedEnd: isoOf(v.plannedEnd),
    };
    if (project) {
      update.mutate({ id: project.id, body: { version: project.version, ...fields } }, { onSuccess: savedEdit, onError });
      return;
    }
    const body: CreateProject = { ...fields, enterpriseId: me.role === 'enterprise_user' ? undefined : v.enterpriseId };
    create.mutate(body, {
      onSuccess: (saved) => {
        void message.success(t('projects.created', { code: saved.code }));
        create.reset();
        onSaved(saved);
      },
      onError,
    });
  };

  const title = !project ? t('projects.declareTitle') : progressOnly ? t('projects.progressTitle') : t('projects.editTitle');
  const error = project ? update.error : create.error;
  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={project ? `${title} · ${project.code}` : title}
      size={760}
      testId="project-form-drawer"
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitTestId="project-form-submit"
      error={error}
    >
      {progressOnly && <Alert type="info" showIcon title={t('projects.progressHint')} style={{ marginBottom: 16 }} />}
      {mode && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={project ? valuesOf(project) : { scenarios: [] }}
        >
          {!progressOnly && (
            <>
              <Typography.Title level={5}>{t('projects.basic')}</Typography.Title>
              {!project &&
                (me.role === 'enterprise_user' ? (
                  <Form.Item label={t('projects.enterprise')}>
                    <Typography.Text data-testid="project-own-enterprise">
                      {t('projects.ownEnterprise', { name: me.orgName })}
                    </Typography.Text>
                  </Form.Item>
                ) : (
                  <Form.Item name="enterpriseId" label={t('projects.enterprise')} rules={[rules.requiredSelect('enterpriseId')]}>
                    <OrgSelect kinds={['enterprise']} data-testid="project-enterprise" />
                  </Form.Item>
                ))}
              {me.role === 'enterprise_user' && (
                // The server keeps a project in its enterprise's district (issue #11 item 5): shown, not chosen.
                <Form.Item label={t('projects.district')}>
                  <Typography.Text data-testid="project-own-district">
                    {project?.districtName ?? t('projects.districtOfEnterprise')}
                  </Typography.Text>
                </Form.Item>
              )}
              <Form.Item name="title" label={t('projects.name')} rules={[rules.required('title'), rules.max('title', 200)]}>
                <Input data-testid="project-title" />
              </Form.Item>
              <Form.Item name="description" label={t('fields.description')} rules={[rules.max('description', 8000)]}>
                <Input.TextArea rows={3} data-testid="project-description" />
              </Form.Item>
            </>
          )}
          <Form.Item name="filingId" label={t('fields.filingId')} rules={[schemaRule(FilingIdSchema, t('rules.filingId'))]}>
            <Input maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="project-filingId" />
          </Form.Item>
          {!progressOnly && (
            <Form.Item name="scenarios" label={t('fields.scenarios')}>
              <ScenarioPicker data-testid="project-scenarios" />
            </Form.Item>
          )}
          <Divider titlePlacement="start" plain>
            {t('projects.networkAndInvestment')}
          </Divider>
          {!progressOnly && (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="operatorId" label={t('fields.operatorId')}>
                  <OperatorSelect data-testid="project-operator" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="networkMode" label={t('fields.networkMode')}>
                  <Radio.Group
                    optionType="button"
                    options={NETWORK_MODES.map((m) => ({ value: m, label: t(`networkModes.${m}`) }))}
                    data-testid="project-networkMode"
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="investmentTotal" label={t('fields.investmentTotal')} rules={[money]}>
                <Input suffix="万元" inputMode="decimal" data-testid="project-investmentTotal" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="investment5g"
                label={t('fields.investment5g')}
                dependencies={['investmentTotal']}
                rules={[money, withinTotal]}
              >
                <Input suffix="万元" inputMode="decimal" data-testid="project-investment5g" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain>
            {t('projects.schedule')}
          </Divider>
          <Row gutter={16}>
            {progressOnly ? (
              <>
                <Col span={12}>
                  <Form.Item name="actualStart" label={t('fields.actualStart')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="actualEnd"
                    label={t('fields.actualEnd')}
                    dependencies={['actualStart']}
                    rules={[notBefore('actualStart', endBeforeStart('actualEnd', 'actualStart'))]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </>
            ) : (
              <>
                <Col span={12}>
                  <Form.Item name="plannedStart" label={t('fields.plannedStart')}>
                    <DatePicker style={{ width: '100%' }} data-testid="project-plannedStart" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="plannedEnd"
                    label={t('fields.plannedEnd')}
                    dependencies={['plannedStart']}
                    rules={[notBefore('plannedStart', endBeforeStart('plannedEnd', 'plannedStart'))]}
                  >
                    <DatePicker style={{ width: '100%' }} data-testid="project-plannedEnd" />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Form>
      )}
    </RecordDrawer>
  );
}
