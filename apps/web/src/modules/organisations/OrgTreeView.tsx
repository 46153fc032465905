import type { Organisation, OrganisationNode } from '@suilian/contracts';
import { Card, Col, Empty, Input, Row, Spin, Tag, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { useOrgTree } from './hooks';
import { OrgDetail } from './OrgDetail';

const KIND_COLOURS: Record<string, string> = {
  city: 'blue',
  district: 'geekblue',
  enterprise: 'green',
  provider: 'purple',
  expert_pool: 'gold',
  bank: 'cyan',
};

/** Keeps nodes matching the search and their ancestors. */
function filterTree(nodes: readonly OrganisationNode[], q: string): OrganisationNode[] {
  if (!q) return [...nodes];
  const out: OrganisationNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, q);
    if (children.length > 0 || node.name.includes(q) || node.nameEn?.toLowerCase().includes(q.toLowerCase())) {
      out.push({ ...node, children });
    }
  }
  return out;
}

/** Ids of nodes with children down to `depth` (roots are depth 0). */
function openIds(nodes: readonly OrganisationNode[], depth: number): string[] {
  if (depth < 0) return [];
  return nodes.flatMap((n) => (n.children.length > 0 ? [n.id, ...openIds(n.children, depth - 1)] : []));
}

/** Ids of the ancestors of `id`, root first; empty when it is a root or not in the tree. */
function ancestorIds(nodes: readonly OrganisationNode[], id: string): string[] {
  for (const node of nodes) {
    if (node.id === id) return [];
    const below = ancestorIds(node.children, id);
    if (below.length > 0 || node.children.some((c) => c.id === id)) return [node.id, ...below];
  }
  return [];
}

interface Props {
  selected: string | undefined;
  onSelect(id: string | undefined): void;
  onCreateUnder(org: Organisation): void;
}

/** Organisation tree on the left, details of the selected organisation on the right. */
export function OrgTreeView({ selected, onSelect, onCreateUnder }: Props) {
  const { t } = useTranslation();
  const { data, isPending, error } = useOrgTree();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const nodes = useMemo(() => filterTree(data ?? [], search.trim()), [data, search]);

  // Roots open (the city shows its districts, a district officer's district its enterprises);
  // the selected organisation's ancestors open too, so it is visible after a reload or a create.
  useEffect(() => {
    if (!data) return;
    const wanted = [...openIds(data, 0), ...(selected ? ancestorIds(data, selected) : [])];
    setExpanded((current) => [...new Set([...current, ...wanted])]);
  }, [data, selected]);

  const treeData = useMemo(() => {
    const toTree = (list: OrganisationNode[]): TreeDataNode[] =>
      list.map((node) => ({
        key: node.id,
        title: (
          <span data-testid="org-tree-node" data-kind={node.kind} style={{ whiteSpace: 'nowrap' }}>
            <span>{node.name}</span>
            <Tag color={KIND_COLOURS[node.kind]} style={{ marginInlineStart: 6 }} variant="filled">
              {t(`orgKinds.${node.kind}`)}
            </Tag>
          </span>
        ),
        children: toTree(node.children),
      }));
    return toTree(nodes);
  }, [nodes, t]);

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9} xl={8}>
        <Card title={t('orgs.treeTitle')} size="small" styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}>
          <Input.Search
            placeholder={t('orgs.searchPlaceholder')}
            allowClear
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          {error && <ApiErrorAlert error={error} />}
          {isPending && <Spin />}
          {data && treeData.length === 0 && <Empty description={t('orgs.treeEmpty')} />}
          <div data-testid="org-tree">
            <Tree
              blockNode
              treeData={treeData}
              expandedKeys={search ? openIds(nodes, 10) : expanded}
              onExpand={(keys) => setExpanded(keys)}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
            />
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        <OrgDetail id={selected} onCreateUnder={onCreateUnder} />
      </Col>
    </Row>
  );
}
