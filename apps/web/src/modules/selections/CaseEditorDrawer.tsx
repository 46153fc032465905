import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Application, Case, Round } from '@suilian/contracts';
import { App, Button, Col, Divider, Flex, Form, Image, Input, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/errors';
import { FileUploadButton } from '../../shared/FileUploadButton';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { storedFileUrl, useSaveCase } from './hooks';
import { SelectionErrorAlert } from './SelectionErrorAlert';

interface Benefit {
  label?: string;
  value?: number | null;
  unit?: string;
}

interface Values {
  background?: string;
  solution?: string;
  network?: string;
  benefits?: Benefit[];
  imageIds?: string[];
}

const IMAGE_TYPES = '.png,.jpg,.jpeg';

/** Images of the case: thumbnails with a bin, an upload for PNG/JPEG (antd Form compatible). */
function ImagesInput({ value, onChange }: { value?: string[]; onChange?: (next: string[]) => void }) {
  const { t } = useTranslation();
  const ids = value ?? [];
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {ids.map((id) => (
          <Flex key={id} vertical align="center" gap={2}>
            <Image src={storedFileUrl(id)} width={120} height={80} style={{ objectFit: 'cover' }} />
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => onChange?.(ids.filter((x) => x !== id))}
            />
          </Flex>
        ))}
      </Flex>
      {ids.length < 12 && (
        <FileUploadButton
          accept={IMAGE_TYPES}
          label={t('cases.addImage')}
          data-testid="case-image-upload"
          onUploaded={(stored) => onChange?.([...ids, stored.id])}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cases.imageHint')}
      </Typography.Text>
    </Flex>
  );
}

interface Props {
  open: boolean;
  round: Round;
  application: Application;
  current: Case | null;
  onClose(): void;
}

/** 案例页面: background, solution, network, benefits with numbers, images — for organisers and the applicant. */
export function CaseEditorDrawer({ open, round, application, current, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCase();
  const required = (label: string) => ({ required: true, whitespace: true, message: t('rules.required', { field: label }) });

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (v: Values) =>
    save.mutate(
      {
        roundId: round.id,
        applicationId: application.id,
        body: {
          background: (v.background ?? '').trim(),
          solution: (v.solution ?? '').trim(),
          network: (v.network ?? '').trim(),
          benefits: (v.benefits ?? []).map((b) => ({
            label: (b.label ?? '').trim(),
            value: Number(b.value ?? 0),
            unit: (b.unit ?? '').trim(),
          })),
          imageIds: v.imageIds ?? [],
        },
      },
      {
        onSuccess: () => {
          void message.success(t('cases.saved'));
          close();
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );

  return (
    <RecordDrawer
      open={open}
      onClose={close}
      title={t('cases.editTitle', { name: application.subjectName })}
      size={760}
      testId="case-editor"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="case-submit"
    >
      {save.error && <SelectionErrorAlert error={save.error} round={round} style={{ marginBottom: 16 }} />}
      {open && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={current ? { ...current } : { benefits: [{ label: '', value: null, unit: '%' }], imageIds: [] }}
        >
          <Form.Item name="background" label={t('cases.background')} rules={[required(t('cases.background')), { max: 8000 }]}>
            <Input.TextArea rows={4} data-testid="case-background" />
          </Form.Item>
          <Form.Item name="solution" label={t('cases.solution')} rules={[required(t('cases.solution')), { max: 8000 }]}>
            <Input.TextArea rows={4} data-testid="case-solution" />
          </Form.Item>
          <Form.Item name="network" label={t('cases.network')} rules={[required(t('cases.network')), { max: 4000 }]}>
            <Input.TextArea rows={3} data-testid="case-network" />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('cases.benefits')}
          </Divider>
          <Form.List
            name="benefits"
            rules={[
              {
                validator: async (_r, rows: Benefit[] | undefined) => {
                  if (!rows || rows.length === 0) throw new Error(t('cases.benefitsRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={0}>
                {fields.map((field, i) => (
                  <Row gutter={8} key={field.key} align="top">
                    <Col span={11}>
                      <Form.Item name={[field.name, 'label']} rules={[required(t('cases.benefitLabel')), { max: 64 }]}>
                        <Input placeholder={t('cases.benefitLabel')} data-testid={`case-benefit-label-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item
                        name={[field.name, 'value']}
                        rules={[{ required: true, message: t('rules.required', { field: t('cases.benefitValue') }) }]}
                      >
                        <InputNumber
                          placeholder={t('cases.benefitValue')}
                          style={{ width: '100%' }}
                          data-testid={`case-benefit-value-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'unit']} rules={[{ max: 16 }]}>
                        <Input placeholder={t('cases.benefitUnit')} data-testid={`case-benefit-unit-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('common.delete')}
                      />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                {fields.length < 20 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ unit: '' })} block>
                    {t('cases.addBenefit')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
          <Divider titlePlacement="start" plain>
            {t('cases.images')}
          </Divider>
          <Form.Item name="imageIds">
            <ImagesInput />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
