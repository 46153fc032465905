import type { DashboardDistrict } from '@suilian/contracts';
import { Alert, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../session/locale';
import EChart, { echarts, pngToolbox } from '../../shared/charts/EChart';
import { html } from '../../shared/charts/markup';
import { ApiErrorAlert } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { type DistrictGeoJson, useDistrictOutlines } from './hooks';

const MAP_NAME = 'suilian-guangzhou-districts';
let registered = false;
/** The outlines' own names by code: a district the figures do not list is still labelled by name, never 440117 (#12 item 3). */
const OUTLINE_NAMES = new Map<string, string>();

/** The name the outline file gives a district code, or null. */
export function outlineName(code: string): string | null {
  return OUTLINE_NAMES.get(code) ?? null;
}

/** Registers the outlines once, each feature named by its GB/T 2260 code so the data joins on our district codes. */
function register(geo: DistrictGeoJson) {
  if (registered) return;
  for (const f of geo.features) {
    const code = String(f.id ?? f.properties.code ?? '');
    if (typeof f.properties.name === 'string') OUTLINE_NAMES.set(code, f.properties.name);
  }
  const byCode = {
    ...geo,
    features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, name: String(f.id ?? f.properties.code ?? '') } })),
  };
  echarts.registerMap(MAP_NAME, byCode as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}

interface Props {
  districts: DashboardDistrict[];
  unit: string;
  indicatorName: string;
  /** Where a district's figure leads (logged-in users); undefined on the public page. */
  linkOf?: (district: DashboardDistrict) => string;
}

/** Guangzhou's 11 districts coloured by the chosen indicator — a schematic (示意图), not a survey map. */
export default function DistrictMap({ districts, unit, indicatorName, linkOf }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const outlines = useDistrictOutlines();
  if (outlines.data) register(outlines.data);
  const nameOf = useMemo(() => {
    const names = new Map(districts.map((d) => [d.divisionCode, locale === 'zh-CN' ? d.nameZh : (d.nameEn ?? d.nameZh)]));
    return (code: string) => names.get(code) ?? outlineName(code) ?? '';
  }, [districts, locale]);
  const max = Math.max(1, ...districts.map((d) => d.value ?? 0));
  const option = useMemo(
    () => ({
      title: {
        text: indicatorName,
        subtext: t('dashboard.map.schematic'),
        left: 8,
        top: 4,
        textStyle: { fontSize: 13 },
        subtextStyle: { color: '#d4380d' },
      },
      toolbox: pngToolbox(t('dashboard.exportPng'), `${indicatorName}-${t('dashboard.map.schematic')}`),
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          html`${nameOf(p.name)}<br/>${Number.isFinite(p.value) ? `${formatNumber(p.value)} ${unit}` : t('dashboard.map.noValue')}`,
      },
      visualMap: {
        min: 0,
        max,
        left: 8,
        bottom: 8,
        calculable: true,
        inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9'] },
        itemHeight: 90,
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          roam: false,
          top: 48,
          bottom: 8,
          label: { show: true, fontSize: 10, formatter: (p: { name: string }) => nameOf(p.name) },
          emphasis: { label: { show: true } },
          itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: '#f0f0f0' },
          data: districts.map((d) => ({ name: d.divisionCode, value: d.value ?? Number.NaN })),
        },
      ],
    }),
    [districts, indicatorName, max, nameOf, t, unit],
  );
  if (outlines.error) return <ApiErrorAlert error={outlines.error} />;
  if (!outlines.data) return <Skeleton.Node active style={{ width: '100%', height: 420 }} />;
  return (
    <>
      <EChart
        option={option}
        height={420}
        label={`${indicatorName} ${t('dashboard.map.schematic')}`}
        testId="dashboard-map"
        onClick={(p) => {
          const d = districts.find((x) => x.divisionCode === p.name);
          if (d && linkOf) navigate(linkOf(d));
        }}
      />
      <Alert type="info" showIcon={false} style={{ fontSize: 12, padding: '2px 8px' }} title={t('dashboard.map.schematicNote')} />
    </>
  );
}
