import type { WhitePaperChapter, WhitePaperSnapshot } from '@suilian/contracts';
import { Descriptions, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { zhCN } from '../../i18n/parts/whitePapers';

type FigureKey = keyof typeof zhCN.figuresLabels;

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const counts = (rows: ReadonlyArray<{ label: string; count: number }>) => rows.map((r) => `${r.label} ${r.count}`).join('，') || '—';

/** The figures a chapter states, from the edition's snapshot, shown beside the commentary being written. */
export function ChapterFigures({ chapter, snapshot: s }: { chapter: WhitePaperChapter; snapshot: WhitePaperSnapshot }) {
  const { t } = useTranslation();
  const label = (key: FigureKey): string => t(`whitePapers.figuresLabels.${key}`);
  const facts: Record<WhitePaperChapter, Array<[FigureKey, ReactNode]>> = {
    overview: [
      ['targets', s.targets.length],
      ['achieved', s.targets.filter((x) => x.status === 'achieved').length],
    ],
    districts: [['districts', s.districts.length]],
    projects: [
      ['projects', `${s.projects.total}（${counts(s.projects.byState)}）`],
      ['cases', s.cases.length],
    ],
    factories: [
      ['factories', `${s.factories.total}（${counts(s.factories.byLevel)}）`],
      ['countingTowardTarget', s.factories.countingTowardTarget],
    ],
    networks: [
      ['networks', `${s.networks.total}（${counts(s.networks.byState)}）`],
      ['edgeNodes', s.networks.edgeNodes],
    ],
    security: [
      ['openFindings', counts(s.security.openByGrade)],
      ['meanTimeToRemediateDays', s.security.meanTimeToRemediateDays ?? '—'],
    ],
    funds: [
      ['programmes', s.funds.programmes.length],
      ['awards', s.funds.awards],
      ['awarded', s.funds.awarded],
      ['disbursed', s.funds.disbursed],
    ],
  };
  return (
    <div data-testid={`white-paper-figures-${chapter}`}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={facts[chapter].map(([key, value]) => ({ key, label: label(key), children: value }))}
      />
      {chapter === 'overview' ? (
        <Table
          size="small"
          style={{ marginTop: 8 }}
          rowKey="code"
          pagination={false}
          dataSource={s.targets}
          columns={[
            { title: 'Code', dataIndex: 'code', width: 90 },
            { title: t('whitePapers.columns.title'), dataIndex: 'nameZh', ellipsis: true },
            { title: '%', dataIndex: 'progress', width: 80, align: 'right', render: percent },
          ]}
        />
      ) : null}
      {chapter === 'districts' ? (
        <Table
          size="small"
          style={{ marginTop: 8 }}
          rowKey="name"
          pagination={false}
          dataSource={s.districts}
          columns={[
            { title: label('districts'), dataIndex: 'name' },
            { title: '%', dataIndex: 'overallProgress', width: 80, align: 'right', render: percent },
            { title: label('factories'), dataIndex: 'factories', width: 80, align: 'right' },
            { title: label('networks'), dataIndex: 'networks', width: 80, align: 'right' },
          ]}
        />
      ) : null}
    </div>
  );
}
