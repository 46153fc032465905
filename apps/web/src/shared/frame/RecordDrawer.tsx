import { Button, Drawer, Space } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../errors';

interface Props {
  open: boolean;
  /** Called by the cancel button, the close icon and the mask. */
  onClose(): void;
  title: ReactNode;
  /** Drawer width in pixels. */
  size: number;
  testId?: string;
  /** The cancel button's action when it differs from closing (default onClose). */
  onCancel?: () => void;
  /** The primary button's action, usually `() => form.submit()`; without it the drawer has no footer buttons. */
  onSubmit?: () => void;
  submitting?: boolean;
  submitTestId?: string;
  /** Defaults to 保存 / Save. */
  submitLabel?: ReactNode;
  /** Extra buttons shown before cancel (e.g. a delete). */
  actions?: ReactNode;
  /** The last server refusal, shown above the form (field errors go onto the Form.Items through applyFormErrors). */
  error?: unknown;
  errorStyle?: CSSProperties;
  /** Also show the server's reason in the error (refusals whose reason matters). */
  showReason?: boolean;
  children: ReactNode;
}

/** The console's record drawer: title, cancel + save buttons with the loading state, the server error above the content, destroyed when hidden. */
export function RecordDrawer({
  open,
  onClose,
  title,
  size,
  testId,
  onCancel,
  onSubmit,
  submitting,
  submitTestId,
  submitLabel,
  actions,
  error,
  errorStyle,
  showReason,
  children,
}: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={size}
      destroyOnHidden
      data-testid={testId}
      extra={
        onSubmit || actions ? (
          <Space>
            {actions}
            <Button onClick={onCancel ?? onClose}>{t('common.cancel')}</Button>
            {onSubmit && (
              <Button type="primary" loading={submitting} onClick={onSubmit} data-testid={submitTestId}>
                {submitLabel ?? t('common.save')}
              </Button>
            )}
          </Space>
        ) : undefined
      }
    >
      <ApiErrorAlert error={error} showReason={showReason} style={errorStyle ?? { marginBottom: 16 }} />
      {children}
    </Drawer>
  );
}
