import { type CreateFactory, FACTORY_LEVELS, type Factory, type UpdateFactory } from '@suilian/contracts';
import { App, Col, Form, Input, InputNumber, Radio, Rate, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useMe } from '../../session/auth';
import { ApiErrorAlert, applyFormErrors, errorText } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { nullIfBlank, useRules } from '../../shared/rules';
import { ScenarioPicker } from '../../shared/ScenarioPicker';
import type { ScenarioRow } from '../../shared/scenarios';
import { useProjects } from '../projects/hooks';
import { useCreateFactory, useUpdateFactory } from './hooks';

interface Values {
  enterpriseId?: string;
  name?: string;
  address?: string | null;
  level?: Factory['level'];
  nationalListYear?: number | null;
  starRating?: number | null;
  scenarios?: ScenarioRow[];
  projectIds?: string[];
}

export type FactoryFormMode = { type: 'create' } | { type: 'edit'; factory: Factory };

const ALL_PROJECTS = { page: 1, pageSize: 200, sort: '-updatedAt' };

/** The projects a factory may link to: those of the same enterprise. */
function ProjectPicker({ enterpriseId, value, onChange }: { enterpriseId?: string; value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const { data, isFetching } = useProjects(ALL_PROJECTS, { enterpriseId }, enterpriseId !== undefined);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={!enterpriseId}
      loading={isFetching}
      placeholder={enterpriseId ? t('factories.linkedProjectsHint') : t('factories.selectEnterpriseFirst')}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }))}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="factory-projects"
    />
  );
}

/** Register or edit a 5G factory: level, scenarios with go-live dates, list year, stars, linked projects. */
export function FactoryFormDrawer({
  mode,
  onClose,
  onSaved,
}: {
  mode: FactoryFormMode | null;
  onClose(): void;
  onSaved(f: Factory): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const create = useCreateFactory();
  const update = useUpdateFactory();
  const editing = mode?.type === 'edit' ? mode.factory : undefined;
  const ownEnterprise = me.role === 'enterprise_user';
  const chosenEnterprise = Form.useWatch('enterpriseId', form);
  const enterpriseId = editing?.enterpriseId ?? (ownEnterprise ? me.orgId : chosenEnterprise);

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
    const fields = {
      name: (v.name ?? '').trim(),
      address: nullIfBlank(v.address),
      level: v.level ?? 'line',
      nationalListYear: v.nationalListYear ?? null,
      starRating: v.starRating || null,
      scenarios: (v.scenarios ?? []).map((s) => ({
        code: s.code,
        customName: s.code ? null : s.customName,
        category: s.category,
        goLiveDate: s.goLiveDate ?? null,
      })),
      projectIds: v.projectIds ?? [],
    };
    if (editing) {
      const body: UpdateFactory = { version: editing.version, ...fields };
      update.mutate({ id: editing.id, body }, { onSuccess: savedEdit, onError });
      return;
    }
    const body: CreateFactory = { ...fields, enterpriseId: ownEnterprise ? undefined : v.enterpriseId };
    create.mutate(body, {
      onSuccess: (f) => {
        void message.success(t('factories.created', { name: f.name }));
        create.reset();
        onSaved(f);
      },
      onError,
    });
  };

  const initial: Values = editing
    ? {
        name: editing.name,
        address: editing.address,
        level: editing.level,
        nationalListYear: editing.nationalListYear,
        starRating: editing.starRating,
        scenarios: editing.scenarios.map((s) => ({
          code: s.code,
          customName: s.code ? null : s.customName,
          category: s.category,
          goLiveDate: s.goLiveDate,
        })),
        projectIds: editing.projectIds,
      }
    : { level: 'line', scenarios: [], projectIds: [] };

  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('factories.editTitle')} · ${editing.name}` : t('factories.createTitle')}
      size={760}
      testId="factory-form-drawer"
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitTestId="factory-form-submit"
    >
      {(editing ? update.error : create.error) && (
        <ApiErrorAlert error={editing ? update.error : create.error} style={{ marginBottom: 16 }} />
      )}
      {mode && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initial}>
          {editing || ownEnterprise ? (
            <Form.Item label={t('factories.enterprise')}>
              <Typography.Text>{editing?.enterpriseName ?? me.orgName}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item name="enterpriseId" label={t('factories.enterprise')} rules={[rules.requiredSelect('enterpriseId')]}>
              <OrgSelect kinds={['enterprise']} onChange={() => form.setFieldValue('projectIds', [])} data-testid="factory-enterprise" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('fields.name')} rules={[rules.required('name'), rules.max('name', 200)]}>
            <Input data-testid="factory-name" />
          </Form.Item>
          <Form.Item name="address" label={t('fields.address')} rules={[rules.max('address', 256)]}>
            <Input />
          </Form.Item>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item name="level" label={t('fields.level')} rules={[rules.requiredSelect('level')]}>
                <Radio.Group optionType="button" options={FACTORY_LEVELS.map((l) => ({ value: l, label: t(`factoryLevels.${l}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="nationalListYear" label={t('fields.nationalListYear')}>
                <InputNumber min={2019} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="starRating" label={t('fields.starRating')}>
                <Rate count={5} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="scenarios" label={t('fields.scenarios')}>
            <ScenarioPicker withGoLive placeholder={t('factories.scenarioPlaceholder')} data-testid="factory-scenarios" />
          </Form.Item>
          <Form.Item name="projectIds" label={t('fields.projectIds')}>
            <ProjectPicker enterpriseId={enterpriseId} />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
