import type { VulnStats } from '@suilian/contracts';
import { Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import EChart, { echarts, pngToolbox } from '../../shared/charts/EChart';
import { html } from '../../shared/charts/markup';
import { ApiErrorAlert } from '../../shared/errors';
import { type DistrictGeoJson, useDistrictOutlines } from '../dashboard/hooks';

const MAP_NAME = 'suilian-security-districts';
let registered = false;
/** The outlines' own names by code, for a district without figures (never its code, #12 item 3). */
const OUTLINE_NAMES = new Map<string, string>();

/** The dashboard's district outlines, each feature named by its GB/T 2260 code so the figures join on it. */
function register(geo: DistrictGeoJson) {
  if (registered) return;
  for (const f of geo.features) {
    if (typeof f.properties.name === 'string') OUTLINE_NAMES.set(String(f.id ?? f.properties.code ?? ''), f.properties.name);
  }
  const byCode = {
    ...geo,
    features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, name: String(f.id ?? f.properties.code ?? '') } })),
  };
  echarts.registerMap(MAP_NAME, byCode as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}

type Row = VulnStats['exposureByDistrict'][number];

/** Open findings per district on the Guangzhou map (a schematic), with enterprises and assets in the tooltip. */
export function ExposureMap({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const outlines = useDistrictOutlines();
  if (outlines.data) register(outlines.data);
  const option = useMemo(() => {
    const byCode = new Map(rows.filter((r) => r.divisionCode).map((r) => [r.divisionCode as string, r]));
    const p = (key: string) => t(`vulnerabilities.posture.${key}` as 'vulnerabilities.posture.title');
    return {
      title: {
        text: p('map'),
        subtext: t('dashboard.map.schematic'),
        left: 8,
        top: 4,
        textStyle: { fontSize: 13 },
        subtextStyle: { color: '#d4380d' },
      },
      toolbox: pngToolbox(t('dashboard.exportPng'), p('map')),
      tooltip: {
        trigger: 'item',
        formatter: (x: { name: string }) => {
          const r = byCode.get(x.name);
          return r
            ? html`${r.name}<br/>${p('openFindings')}: ${r.openFindings}<br/>${p('enterprises')}: ${r.enterprises}<br/>${p('assets')}: ${r.assets}`
            : html`${OUTLINE_NAMES.get(x.name) ?? ''}`;
        },
      },
      visualMap: {
        min: 0,
        max: Math.max(1, ...rows.map((r) => r.openFindings)),
        left: 8,
        bottom: 8,
        calculable: true,
        inRange: { color: ['#fff1f0', '#ff7875', '#a8071a'] },
        itemHeight: 90,
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          top: 48,
          bottom: 8,
          label: {
            show: true,
            fontSize: 10,
            formatter: (x: { name: string }) => byCode.get(x.name)?.name ?? OUTLINE_NAMES.get(x.name) ?? '',
          },
          itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: '#f0f0f0' },
          data: rows.filter((r) => r.divisionCode).map((r) => ({ name: r.divisionCode, value: r.openFindings })),
        },
      ],
    };
  }, [rows, t]);
  if (outlines.error) return <ApiErrorAlert error={outlines.error} />;
  if (!outlines.data) return <Skeleton.Node active style={{ width: '100%', height: 420 }} />;
  return <EChart option={option} height={420} label={t('vulnerabilities.posture.map')} testId="posture-map" />;
}
