import { PlusOutlined } from '@ant-design/icons';
import type { Organisation } from '@suilian/contracts';
import { Button, Card, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOrganisation } from './hooks';
import { OrgFormDrawer, type OrgFormMode, useWritableKinds } from './OrgFormDrawer';
import { OrgTableView } from './OrgTableView';
import { OrgTreeView } from './OrgTreeView';

type View = 'tree' | 'table';

/** Organisations: tree + detail (default) or a filterable table; `?view=` and `?org=` survive reloads. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'table' ? 'table' : 'tree';
  const selected = params.get('org') ?? undefined;
  const writable = useWritableKinds();
  const [creating, setCreating] = useState<OrgFormMode | null>(null);
  const selectedOrg = useOrganisation(selected).data;

  const update = (next: { view?: View; org?: string | undefined }) => {
    const p = new URLSearchParams(params);
    if (next.view) p.set('view', next.view);
    if ('org' in next) {
      if (next.org) p.set('org', next.org);
      else p.delete('org');
    }
    setParams(p, { replace: true });
  };
  const createUnder = (parent: Organisation | undefined) => setCreating({ type: 'create', parent });

  return (
    <Card
      title={t('orgs.title')}
      extra={
        <Space>
          <Segmented<View>
            value={view}
            onChange={(v) => update({ view: v })}
            options={[
              { value: 'tree', label: t('orgs.treeView') },
              { value: 'table', label: t('orgs.tableView') },
            ]}
            data-testid="org-view"
          />
          {writable.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => createUnder(selectedOrg)} data-testid="org-create">
              {t('common.create')}
            </Button>
          )}
        </Space>
      }
    >
      {view === 'tree' ? (
        <OrgTreeView selected={selected} onSelect={(org) => update({ org })} onCreateUnder={createUnder} />
      ) : (
        <OrgTableView />
      )}
      <OrgFormDrawer
        mode={creating}
        onClose={() => setCreating(null)}
        onSaved={(org) => {
          setCreating(null);
          update({ view: 'tree', org: org.id });
        }}
      />
    </Card>
  );
}
