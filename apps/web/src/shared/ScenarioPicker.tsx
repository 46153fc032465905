import { DeleteOutlined } from '@ant-design/icons';
import { SCENARIO_CATEGORIES } from '@suilian/contracts';
import { Button, DatePicker, Empty, Flex, Radio, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../session/locale';
import { itemName, useCodeList } from './codeLists';
import { DATE_FORMAT } from './format';
import { catalogueMatch, rowKey, rowsFromSelection, type ScenarioCategory, type ScenarioRow } from './scenarios';

interface Props {
  value?: ScenarioRow[];
  onChange?: (rows: ScenarioRow[]) => void;
  /** Factories record when each scenario went live. */
  withGoLive?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}

/** Scenarios from the versioned list plus custom ones, each marked 辅助生产 / 核心生产 (S2-1); antd Form compatible. */
export function ScenarioPicker({ value, onChange, withGoLive, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { data, isPending } = useCodeList('scenario');
  const rows = value ?? [];
  const testId = rest['data-testid'] ?? 'scenario-picker';

  const { options, codes, names } = useMemo(() => {
    const items = data?.items ?? [];
    const chosen = new Set(rows.map((r) => r.code));
    return {
      options: items.filter((i) => i.active || chosen.has(i.code)).map((i) => ({ value: i.code, label: itemName(i, locale) })),
      codes: new Set(items.map((i) => i.code)),
      names: new Map(items.map((i) => [i.code, itemName(i, locale)])),
    };
  }, [data, locale, rows]);

  const update = (index: number, patch: Partial<ScenarioRow>) => onChange?.(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Flex vertical gap={8}>
      <Select
        mode="tags"
        value={rows.map(rowKey)}
        onChange={(values: string[]) =>
          // A typed name that means a catalogue entry becomes that entry, not a custom scenario.
          onChange?.(
            rowsFromSelection([...new Set(values.map((v) => (codes.has(v) ? v : (catalogueMatch(v, options) ?? v))))], rows, codes),
          )
        }
        options={options}
        loading={isPending}
        placeholder={placeholder ?? t('projects.scenarioPlaceholder')}
        showSearch={{ optionFilterProp: 'label' }}
        tokenSeparators={['\n']}
        data-testid={testId}
      />
      <Table<ScenarioRow>
        size="small"
        pagination={false}
        rowKey={rowKey}
        dataSource={rows}
        data-testid={`${testId}-rows`}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.noScenarios')} /> }}
        onRow={(_r, index) => ({ 'data-testid': `scenario-row-${index}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('projects.scenarioName'),
            key: 'name',
            render: (_v, row) =>
              row.code ? (
                <Typography.Text>
                  {names.get(row.code) ?? row.code} <Typography.Text type="secondary">{row.code}</Typography.Text>
                </Typography.Text>
              ) : (
                <Typography.Text>
                  {row.customName} <Tag>{t('projects.customScenario')}</Tag>
                </Typography.Text>
              ),
          },
          {
            title: t('fields.category'),
            key: 'category',
            width: 200,
            render: (_v, row, index) => (
              <Radio.Group
                size="small"
                optionType="button"
                value={row.category}
                onChange={(e) => update(index, { category: e.target.value as ScenarioCategory })}
                options={SCENARIO_CATEGORIES.map((c) => ({ value: c, label: t(`scenarioCategories.${c}`) }))}
                data-testid={`scenario-category-${index}`}
              />
            ),
          },
          ...(withGoLive
            ? [
                {
                  title: t('fields.goLiveDate'),
                  key: 'goLiveDate',
                  width: 150,
                  render: (_v: unknown, row: ScenarioRow, index: number) => (
                    <DatePicker
                      size="small"
                      value={row.goLiveDate ? dayjs(row.goLiveDate) : null}
                      onChange={(d) => update(index, { goLiveDate: d ? d.format(DATE_FORMAT) : null })}
                      data-testid={`scenario-golive-${index}`}
                    />
                  ),
                },
              ]
            : []),
          {
            key: 'remove',
            width: 44,
            render: (_v, _row, index) => (
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => onChange?.(rows.filter((_r, i) => i !== index))}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
