import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type CreateRecord,
  parsePatentNumber,
  REGISTRY_DATA_SCHEMAS,
  type RegistryKey,
  type RegistryRecord,
  ROLE_DEFINITIONS,
  type StoredFile,
  type UpdateRecord,
} from '@suilian/contracts';
import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  type FormRule,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useMe } from '../../session/auth';
import { AttachmentsInput } from '../../shared/AttachmentsInput';
import { applyFormErrors, errorText } from '../../shared/errors';
import { DATE_FORMAT } from '../../shared/format';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { useRules } from '../../shared/rules';
import { optionLabel, REGISTRY_CONFIGS, type RegistryField } from './configs';
import { completedCount, fromFormData, type TraineeValues, toFormData } from './data';
import { useSaveRecord, useTestPlatforms } from './hooks';

type Attachment = RegistryRecord['attachments'][number];

interface Values {
  orgId?: string;
  title?: string;
  date?: Dayjs | null;
  data: Record<string, unknown>;
  attachments?: Attachment[];
}

/** A stored file as a registry attachment (the record keeps its media type too). */
const registryAttachment = (stored: StoredFile): Attachment => ({
  fileId: stored.id,
  name: stored.name,
  mediaType: stored.mediaType,
  size: stored.size,
});

/** The trainee list of a training: name, organisation, completed; the completed count updates as it is edited. */
function TraineesInput({ form }: { form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const rules = useRules();
  const trainees = Form.useWatch(['data', 'trainees'], form) as TraineeValues[] | undefined;
  const { completed, total } = completedCount(trainees);
  return (
    <Form.List name={['data', 'trainees']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={0} data-testid="trainees">
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong data-testid="trainee-count">
              {t('registries.traineeCount', { completed, total })}
            </Typography.Text>
            <Button
              size="small"
              disabled={total === 0}
              onClick={() =>
                form.setFieldValue(
                  ['data', 'trainees'],
                  (trainees ?? []).map((row) => ({ ...row, completed: true })),
                )
              }
            >
              {t('registries.allCompleted')}
            </Button>
          </Flex>
          {fields.map((field) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={8}>
                <Form.Item name={[field.name, 'name']} rules={[rules.required('displayName'), rules.max('displayName', 64)]}>
                  <Input placeholder={t('fields.displayName')} data-testid={`trainee-name-${field.name}`} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name={[field.name, 'organisation']} rules={[rules.max('organisation', 128)]}>
                  <Input placeholder={t('fields.organisation')} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'completed']} valuePropName="checked">
                  <Checkbox data-testid={`trainee-completed-${field.name}`}>{t('fields.completed')}</Checkbox>
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ completed: false })} block data-testid="trainee-add">
            {t('registries.addTrainee')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** The control and rules of one data field. */
function DataField({ registry, field, form }: { registry: RegistryKey; field: RegistryField; form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const rules = useRules();
  const platforms = useTestPlatforms(field.type === 'testPlatform');
  const patentNumber = Form.useWatch(['data', 'number'], form) as string | undefined;
  const name = ['data', field.name];
  const label = t(`fields.${field.label}`);
  const required: FormRule[] = field.required
    ? [
        field.type === 'select' || field.type === 'testPlatform' || field.type === 'date'
          ? rules.requiredSelect(field.label)
          : rules.required(field.label),
      ]
    : [];
  if (field.type === 'trainees') return <TraineesInput form={form} />;
  if (field.type === 'patentNumber') {
    const parsed = patentNumber ? parsePatentNumber(patentNumber) : null;
    return (
      <Form.Item
        name={name}
        label={label}
        rules={[
          ...required,
          {
            validator: async (_r, value: string | undefined) => {
              if (!value?.trim()) return;
              const result = parsePatentNumber(value);
              if (typeof result === 'string') throw new Error(t(`rules.patentNumber.${result}`));
            },
          },
        ]}
        extra={
          parsed && typeof parsed !== 'string'
            ? t('rules.patentParsed', { kind: optionLabel(t, 'patents', 'kind', parsed.kind), year: parsed.year })
            : undefined
        }
      >
        <Input
          maxLength={40}
          style={{ fontFamily: 'monospace' }}
          placeholder="201710601862.3"
          onChange={(e) => {
            const result = parsePatentNumber(e.target.value);
            // The number says the type (5th digit): choose it for the user.
            if (typeof result !== 'string') form.setFieldValue(['data', 'kind'], result.kind);
          }}
          data-testid="registry-field-number"
        />
      </Form.Item>
    );
  }
  let control: React.ReactNode;
  const extra: FormRule[] = [];
  switch (field.type) {
    case 'select':
      control = (
        <Select
          options={(field.options ?? []).map((v) => ({ value: v, label: optionLabel(t, registry, field.name, v) }))}
          allowClear={!field.required}
          data-testid={`registry-field-${field.name}`}
        />
      );
      if (registry === 'patents' && field.name === 'kind') {
        extra.push({
          validator: async (_r, value: string | undefined) => {
            const parsed = patentNumber ? parsePatentNumber(patentNumber) : null;
            if (value && parsed && typeof parsed !== 'string' && parsed.kind !== value)
              throw new Error(t('rules.patentKindMismatch', { kind: optionLabel(t, 'patents', 'kind', parsed.kind) }));
          },
        });
      }
      break;
    case 'testPlatform':
      control = (
        <Select
          options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
          loading={platforms.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="registry-field-platformId"
        />
      );
      break;
    case 'date':
      control = <DatePicker style={{ width: '100%' }} data-testid={`registry-field-${field.name}`} />;
      if (registry === 'patents' && field.name === 'grantDate') {
        extra.push(({ getFieldValue }) => ({
          validator: async (_r, value: Dayjs | null) => {
            const applied = getFieldValue(['data', 'applicationDate']) as Dayjs | null;
            if (value && applied && value.isBefore(applied, 'day'))
              throw new Error(t('rules.endBeforeStart', { end: t('fields.grantDate'), start: t('fields.applicationDate') }));
          },
        }));
      }
      break;
    case 'number':
    case 'year':
      control = (
        <InputNumber min={field.min} max={field.max} precision={0} style={{ width: '100%' }} data-testid={`registry-field-${field.name}`} />
      );
      break;
    case 'textarea':
      control = <Input.TextArea rows={3} maxLength={field.max} data-testid={`registry-field-${field.name}`} />;
      break;
    default:
      control = <Input maxLength={field.max} data-testid={`registry-field-${field.name}`} />;
  }
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        ...required,
        ...(field.max && (field.type === 'text' || field.type === 'textarea') ? [rules.max(field.label, field.max)] : []),
        ...extra,
      ]}
      dependencies={
        registry === 'patents' && (field.name === 'kind' || field.name === 'grantDate')
          ? [
              ['data', 'number'],
              ['data', 'applicationDate'],
            ]
          : undefined
      }
    >
      {control}
    </Form.Item>
  );
}

export type RegistryFormMode = { type: 'create' } | { type: 'edit'; record: RegistryRecord };

/** Create or edit a record of any registry, driven by its config; the data is checked with the server's schema before sending. */
export function RegistryFormDrawer({
  registry,
  mode,
  onClose,
  onSaved,
}: {
  registry: RegistryKey;
  mode: RegistryFormMode | null;
  onClose(): void;
  onSaved(record: RegistryRecord): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const save = useSaveRecord(registry);
  const config = REGISTRY_CONFIGS[registry];
  const editing = mode?.type === 'edit' ? mode.record : undefined;
  const labels = t(`registryLabels.${registry}`, { returnObjects: true }) as { title: string; date: string };
  const name = t(`menu.${registry}`);
  const ownerPickable = ROLE_DEFINITIONS[me.role].scope !== 'organisation';

  const close = () => {
    save.reset();
    onClose();
  };

  const savedEdit = (saved: Parameters<typeof onSaved>[0]) => {
    void message.success(t('common.saved'));
    onSaved(saved);
  };

  const submit = (v: Values) => {
    const data = fromFormData(config, v.data ?? {});
    const checked = REGISTRY_DATA_SCHEMAS[registry].safeParse(data);
    if (!checked.success) {
      form.setFields(checked.error.issues.map((i) => ({ name: ['data', ...i.path.map(String)], errors: [i.message] })));
      return;
    }
    const common = {
      title: (v.title ?? '').trim(),
      date: v.date ? v.date.format(DATE_FORMAT) : '',
      data,
      attachments: (v.attachments ?? []).map((a) => a.fileId),
    };
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        void message.warning(errorText(t, error));
        close();
        return;
      }
      applyFormErrors(form, error, t);
    };
    if (editing) {
      const body: UpdateRecord = { version: editing.version, ...common };
      save.mutate({ id: editing.id, body }, { onSuccess: savedEdit, onError });
      return;
    }
    const body: CreateRecord = { ...common, orgId: v.orgId };
    save.mutate(
      { body },
      {
        onSuccess: (r) => {
          void message.success(t('registries.created', { title: r.title }));
          save.reset();
          onSaved(r);
        },
        onError,
      },
    );
  };

  const initial: Values = editing
    ? { title: editing.title, date: dayjs(editing.date), data: toFormData(config, editing.data), attachments: editing.attachments }
    : { date: dayjs(), data: toFormData(config, {}), attachments: [] };

  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('registries.editTitle', { name })} · ${editing.title}` : t('registries.createTitle', { name })}
      size={registry === 'trainings' ? 760 : 560}
      testId="registry-form-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="registry-form-submit"
      error={save.error}
    >
      {mode && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initial}>
          <Form.Item name="title" label={labels.title} rules={[rules.required('title'), rules.max('title', 300)]}>
            <Input data-testid="registry-title" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="date" label={labels.date} rules={[rules.requiredSelect('date')]}>
                <DatePicker style={{ width: '100%' }} data-testid="registry-date" />
              </Form.Item>
            </Col>
            <Col span={12}>
              {editing ? (
                <Form.Item label={t('registries.owner')}>
                  <Typography.Text>{editing.orgName}</Typography.Text>
                </Form.Item>
              ) : (
                ownerPickable && (
                  <Form.Item name="orgId" label={t('registries.owner')} extra={t('registries.ownerHint')}>
                    <OrgSelect allowClear />
                  </Form.Item>
                )
              )}
            </Col>
          </Row>
          {config.fields.map((field) => (
            <DataField key={field.name} registry={registry} field={field} form={form} />
          ))}
          <Form.Item name="attachments" label={t('registries.evidence')}>
            <AttachmentsInput<Attachment> uploadTestId="registry-upload" toItem={registryAttachment} />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
