import type { Application, Assignment, Round } from '@suilian/contracts';
import { App, Button, type ButtonProps, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useAssignments, useUnassign } from './hooks';
import { SelectionErrorAlert } from './SelectionErrorAlert';

/**
 * The experts on an application, for organisers: whether each has scored, and removing one assigned
 * by mistake (the server refuses once they have scored — the button is off then too).
 */
export function AssignedExperts({ round, application, editable }: { round: Round; application: Application; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ref = { roundId: round.id, applicationId: application.id };
  const assignments = useAssignments(ref, true);
  const unassign = useUnassign();
  return (
    <>
      <Typography.Text strong>{t('selectionRules.assigned.title')}</Typography.Text>
      {unassign.error && <SelectionErrorAlert error={unassign.error} round={round} style={{ margin: '8px 0' }} />}
      {assignments.error && <SelectionErrorAlert error={assignments.error} style={{ margin: '8px 0' }} />}
      <Table<Assignment>
        size="small"
        rowKey="expertId"
        pagination={false}
        loading={assignments.isPending}
        dataSource={assignments.data ?? []}
        locale={{ emptyText: t('selectionRules.assigned.empty') }}
        data-testid="assigned-experts"
        columns={[
          { title: t('selections.expert'), dataIndex: 'expertName', key: 'expertName' },
          {
            title: t('selectionRules.assigned.assignedAt'),
            dataIndex: 'assignedAt',
            key: 'assignedAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('fields.status'),
            key: 'scored',
            width: 90,
            render: (_v, a) =>
              a.scored ? <Tag color="green">{t('selectionRules.assigned.scored')}</Tag> : <Tag>{t('selectionRules.assigned.pending')}</Tag>,
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_v: unknown, a: Assignment) =>
                    a.scored ? (
                      <Tooltip title={t('selectionRules.assigned.scoredLocked')}>
                        <Button type="link" size="small" danger disabled>
                          {t('selectionRules.assigned.unassign')}
                        </Button>
                      </Tooltip>
                    ) : (
                      <Popconfirm
                        title={t('selectionRules.assigned.unassignConfirm', { name: a.expertName })}
                        description={t('selectionRules.assigned.unassignHint')}
                        onConfirm={() =>
                          unassign.mutate(
                            { ...ref, expertId: a.expertId },
                            { onSuccess: () => void message.success(t('selectionRules.assigned.unassignDone', { name: a.expertName })) },
                          )
                        }
                        okButtonProps={{ danger: true, 'data-testid': 'unassign-confirm' } as ButtonProps}
                      >
                        <Button type="link" size="small" danger loading={unassign.isPending} data-testid="unassign">
                          {t('selectionRules.assigned.unassign')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
